// One user per role (Super Admin included) × every Content Manager route that changes state, on an
// item in the stage where the route matters. Allowed calls work; forbidden ones get a 4xx and leave
// the published state, the stage, the log length and the chain head unchanged.
import { describe, expect, it } from 'vitest';
import { CM, cmCreate, fieldEditorId, transition, validArticle } from '../helpers/content.ts';
import { adminToken, http, type Res } from '../helpers/http.ts';

const UID = 'api::article.article';
const ROLES = ['contributor', 'portal-admin', 'editor', 'editor-in-chief', 'inspector', 'finance', 'strapi-super-admin'] as const;

async function itemAt(stage: 'verified' | 'published'): Promise<string> {
  const res = await cmCreate(UID, validArticle());
  const id = res.body.data.documentId as string;
  const steps: Array<[string, Record<string, unknown>]> = [
    ['contributor', { action: 'submit' }],
    ['portal-admin', { action: 'assign', assigneeId: await fieldEditorId() }],
    ['editor', { action: 'verify' }],
  ];
  if (stage === 'published') steps.push(['editor-in-chief', { action: 'approve' }]);
  for (const [role, body] of steps) expect((await transition(role, { uid: UID, documentId: id, ...body })).status).toBe(200);
  return id;
}

async function snapshot(id: string) {
  const [panel, verify, live, rows] = await Promise.all([
    http('GET', `/editorial/panel/${UID}/${id}`, { token: await adminToken('editor-in-chief') }),
    http('GET', '/editorial/audit/verify', { token: await adminToken('inspector') }),
    http('GET', `/api/articles/${id}`),
    http('GET', `${CM}/${UID}?filters[$and][0][documentId][$eq]=${id}`, { token: await adminToken('editor-in-chief') }),
  ]);
  return {
    stage: panel.body.data.stage,
    entries: verify.body.data.entries,
    head: verify.body.data.head,
    live: live.status === 200,
    count: rows.body.pagination?.total,
  };
}

type Route = {
  name: string;
  stage: 'verified' | 'published';
  allowed: readonly string[];
  after?: { stage: string; live: boolean; logEntries: number };
  call: (role: string, id: string) => Promise<Res<{ count?: number; data?: { count?: number } } | null>>;
};
const ROUTES: Route[] = [
  {
    name: 'publish',
    stage: 'verified',
    allowed: ['editor-in-chief'],
    after: { stage: 'published', live: true, logEntries: 1 },
    call: async (r, id) => http('POST', `${CM}/${UID}/${id}/actions/publish`, { token: await adminToken(r), body: {} }),
  },
  {
    name: 'bulkPublish',
    stage: 'verified',
    allowed: ['editor-in-chief'],
    after: { stage: 'published', live: true, logEntries: 1 },
    call: async (r, id) => http('POST', `${CM}/${UID}/actions/bulkPublish`, { token: await adminToken(r), body: { documentIds: [id] } }),
  },
  {
    name: 'unpublish',
    stage: 'published',
    allowed: [],
    call: async (r, id) => http('POST', `${CM}/${UID}/${id}/actions/unpublish`, { token: await adminToken(r), body: {} }),
  },
  {
    name: 'bulkUnpublish',
    stage: 'published',
    allowed: [],
    call: async (r, id) => http('POST', `${CM}/${UID}/actions/bulkUnpublish`, { token: await adminToken(r), body: { documentIds: [id] } }),
  },
  {
    name: 'delete',
    stage: 'published',
    allowed: [],
    call: async (r, id) => http('DELETE', `${CM}/${UID}/${id}`, { token: await adminToken(r) }),
  },
  {
    name: 'bulkDelete',
    stage: 'published',
    allowed: [],
    call: async (r, id) => http('POST', `${CM}/${UID}/actions/bulkDelete`, { token: await adminToken(r), body: { documentIds: [id] } }),
  },
  {
    name: 'discard draft',
    stage: 'published',
    allowed: [],
    call: async (r, id) => http('POST', `${CM}/${UID}/${id}/actions/discard`, { token: await adminToken(r), body: {} }),
  },
  // The editor-in-chief may edit a verified item: the edit is saved, the stage in the body is ignored.
  {
    name: 'update with a stage in the body',
    stage: 'verified',
    allowed: ['editor-in-chief'],
    after: { stage: 'verified', live: false, logEntries: 0 },
    call: async (r, id) =>
      http('PUT', `${CM}/${UID}/${id}`, {
        token: await adminToken(r),
        body: { title: 'Sửa', stage: 'published', publishedAt: new Date().toISOString() },
      }),
  },
];

describe('role × route matrix', () => {
  for (const route of ROUTES) {
    for (const role of ROLES) {
      const allowed = route.allowed.includes(role);
      it(`${route.name} by ${role}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const id = await itemAt(route.stage);
        const before = await snapshot(id);
        const res = await route.call(role, id);
        if (allowed) {
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
          const after = await snapshot(id);
          expect(after.live).toBe(route.after!.live);
          expect(after.stage).toBe(route.after!.stage);
          expect(after.entries).toBe(before.entries + route.after!.logEntries);
        } else {
          // bulk routes answer 200 with a count of 0 when nothing was allowed to change
          if (res.status < 300) expect(res.body?.count ?? res.body?.data?.count ?? 0, JSON.stringify(res.body)).toBe(0);
          else expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
          expect(await snapshot(id)).toEqual(before);
        }
      });
    }
  }
});
