// The setting of the second step of sign-in (editorial plugin, services/second-factor.ts).
import { describe, expect, it } from 'vitest';
import { SECOND_FACTOR_ROLES, secondFactorRequired } from '../src/plugins/editorial/server/src/services/second-factor.ts';

describe('second factor setting', () => {
  it('is required by default, except in demo mode; the setting says otherwise explicitly', () => {
    expect(secondFactorRequired({})).toBe(true);
    expect(secondFactorRequired({ PORTAL_DEMO: '0' })).toBe(true);
    expect(secondFactorRequired({ PORTAL_DEMO: '1' })).toBe(false);
    expect(secondFactorRequired({ PORTAL_DEMO: '1', ADMIN_SECOND_FACTOR: 'required' })).toBe(true);
    expect(secondFactorRequired({ ADMIN_SECOND_FACTOR: ' OFF ' })).toBe(false);
    expect(() => secondFactorRequired({ ADMIN_SECOND_FACTOR: 'yes' })).toThrow(/ADMIN_SECOND_FACTOR must be "required" or "off"/);
  });

  it('covers the roles that publish or administer, and only those', () => {
    expect([...SECOND_FACTOR_ROLES].sort()).toEqual(['editor-in-chief', 'portal-admin', 'strapi-super-admin']);
  });
});
