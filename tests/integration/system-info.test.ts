// Strapi's own information (versions, dependencies, project statistics) is the system administrator's
// only (issue 24): the server leaves it out for the board's roles and finance, whatever the admin UI shows.
import { describe, expect, it } from 'vitest';
import { adminToken, http } from '../helpers/http.ts';

const NON_TECHNICAL = ['contributor', 'portal-admin', 'editor', 'editor-in-chief', 'inspector', 'finance'];

describe('system information', () => {
  it('tells versions and dependencies to the system administrator only', async () => {
    const admin = await http('GET', '/admin/information', { token: await adminToken('strapi-super-admin') });
    expect(admin.status).toBe(200);
    expect(admin.body.data.strapiVersion).toBe('5.54.0');
    expect(admin.body.data.nodeVersion).toMatch(/^v\d+/);
    for (const role of NON_TECHNICAL) {
      const res = await http('GET', '/admin/information', { token: await adminToken(role) });
      expect(res.status, role).toBe(200);
      expect(res.body.data, role).toMatchObject({ strapiVersion: null, nodeVersion: null, dependencies: {}, projectId: null });
      expect(JSON.stringify(res.body), role).not.toContain('5.54.0');
    }
  });

  it('refuses the project statistics to everyone else, with a Vietnamese 403', async () => {
    expect((await http('GET', '/admin/homepage/key-statistics', { token: await adminToken('strapi-super-admin') })).status).toBe(200);
    for (const role of NON_TECHNICAL) {
      const res = await http('GET', '/admin/homepage/key-statistics', { token: await adminToken(role) });
      expect(res.status, role).toBe(403);
      expect(res.body.error.message, role).toMatch(/chỉ dành cho Quản trị hệ thống/);
    }
  });
});
