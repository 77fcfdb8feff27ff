import { describe, expect, it } from 'vitest';
import { purgeRefusal } from '../src/index.ts';

describe('purge: two people, the editor-in-chief and Super Admin', () => {
  const chief = { id: 1, roles: ['editor-in-chief'] };
  const admin = { id: 2, roles: ['strapi-super-admin'] };
  const both = { id: 3, roles: ['editor-in-chief', 'strapi-super-admin'] };
  it('the other role, another person, confirms', () => {
    expect(purgeRefusal(chief, admin)).toBeNull();
    expect(purgeRefusal(admin, chief)).toBeNull();
    expect(purgeRefusal(both, chief)).toBeNull();
  });
  it('nobody confirms their own request, nor someone of the same role only, nor another role', () => {
    expect(purgeRefusal(chief, chief)).toContain('hai người');
    expect(purgeRefusal(both, both)).toContain('hai người');
    expect(purgeRefusal(chief, { id: 4, roles: ['editor-in-chief'] })).toContain('vai trò còn lại');
    expect(purgeRefusal(admin, { id: 5, roles: ['portal-admin'] })).toContain('Chỉ Trưởng ban');
  });
});
