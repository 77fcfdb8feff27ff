import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, canRead, readScope, type Actor } from '../src/index.ts';

const item = { authorId: 1, assigneeId: 7, fieldId: 3 };
const role = (roles: string[], id = 50, fieldIds: number[] = []): Actor => ({ id, roles, fieldIds });

describe('read scope', () => {
  it('portal administrator, editor-in-chief, inspector, Super Admin and the system read everything', () => {
    for (const r of ['portal-admin', 'editor-in-chief', 'inspector', 'strapi-super-admin']) expect(canRead(role([r]), item), r).toBe(true);
    expect(readScope(SYSTEM_ACTOR)).toEqual({ all: true });
  });
  it('the contributor reads their own items only', () => {
    expect(canRead(role(['contributor'], 1), item)).toBe(true);
    expect(canRead(role(['contributor'], 7), item)).toBe(false);
    expect(canRead(role(['contributor'], 2, [3]), item)).toBe(false);
  });
  it('the field editor reads their own, assigned and in-field items', () => {
    expect(canRead(role(['editor'], 1), item)).toBe(true);
    expect(canRead(role(['editor'], 7), item)).toBe(true);
    expect(canRead(role(['editor'], 8, [3]), item)).toBe(true);
    expect(canRead(role(['editor'], 8, [4]), item)).toBe(false);
    expect(canRead(role(['editor'], 8), { authorId: null, assigneeId: null, fieldId: null })).toBe(false);
  });
  it('finance and unknown roles read nothing', () => {
    expect(readScope(role(['finance']))).toEqual({ all: false, authorId: null, assigneeId: null, fieldIds: [] });
    expect(canRead(role(['finance'], 1), item)).toBe(false);
    expect(canRead(role([], 1), item)).toBe(false);
  });
});
