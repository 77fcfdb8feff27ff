// The route matrix (issue 17), every role: every registered route as no account, each board role and
// Super Admin, on routes about one item for an own item and another's at each stage (real items, made
// through the workflow), against what the rules say (route-table.ts `expected`). Refused and denied
// calls change nothing in the database. Runs on SQLite in `npm test`; on PostgreSQL in
// `npm run test:extended` (PORTAL_ROUTE_MATRIX_ROLES=all). route-inventory.test.ts also fails on a route
// without a row, and calls every route as the anonymous caller.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cmCreate, fieldEditorId, transition, uniq, validArticle } from '../helpers/content.ts';
import { dbQuery } from '../helpers/db.ts';
import { adminToken, cms, http } from '../helpers/http.ts';
import { listRoutes, parseRoutes } from '../helpers/routes.ts';
import {
  AUTHORS,
  ITEM_UID,
  NEXT_ACTION,
  ROLES,
  ROUTES,
  TARGETS,
  authorOf,
  expected,
  type Outcome,
  type Role,
  type Row,
  type Target,
} from './route-table.ts';

type Stage = Target['stage'];

/** Row counts and latest change of the tables a refused call could touch, in one query. */
const DIGEST_TABLES = [
  'articles',
  'documents',
  'questions',
  'units',
  'site_settings',
  'editorial_review_states',
  'editorial_review_logs',
  'editorial_originals',
  'editorial_profiles',
  'admin_users',
  'admin_roles',
  'admin_permissions',
  'strapi_api_tokens',
  'strapi_transfer_tokens',
  'files',
  'upload_folders',
  'up_users',
  'up_roles',
  'i18n_locale',
  'strapi_webhooks',
  'strapi_core_store_settings',
];
let digestSql = '';
function digest(): string {
  if (!digestSql) {
    const withUpdated = new Set(
      (cms().dbClient === 'sqlite'
        ? DIGEST_TABLES.filter((t) => dbQuery<{ name: string }>(`PRAGMA table_info(${t})`).some((c) => c.name === 'updated_at'))
        : dbQuery<{ table_name: string }>(
            "SELECT table_name FROM information_schema.columns WHERE column_name = 'updated_at' AND table_schema = current_schema()",
          ).map((r) => r.table_name)
      ).filter((t) => DIGEST_TABLES.includes(t)),
    );
    digestSql = DIGEST_TABLES.map(
      (t) => `SELECT '${t}' AS t, COUNT(*) AS n, MAX(id) AS m, ${withUpdated.has(t) ? 'MAX(updated_at)' : 'NULL'} AS u FROM ${t}`,
    ).join(' UNION ALL ');
  }
  return JSON.stringify(dbQuery(digestSql));
}

// Calls that end the caller's sessions run last; the cached tokens are dropped afterwards.
const ENDS_SESSIONS = ['DELETE /admin/users/me/sessions', 'POST /admin/logout'];
/** A component of the model (the component routes answer 404 for a uid that is none, before any check). */
const COMPONENT_UID = 'shared.provenance';
/** Bodies for routes that fail with 5xx on an empty one (Strapi validates them after the permission checks). */
const BODIES: Record<string, unknown> = {
  'POST /admin/permissions/check': { permissions: [{ action: 'plugin::content-manager.explorer.read', subject: ITEM_UID }] },
  'PUT /admin/homepage/layout': { widgets: [] },
};

// On SQLite in every run (`npm test`, CI); on PostgreSQL in `npm run test:extended` (suite route-matrix-postgres).
const RUNS = process.env.PORTAL_TEST_DB !== 'postgres' || process.env.PORTAL_ROUTE_MATRIX_ROLES === 'all';
describe.runIf(RUNS)('route matrix, every role', () => {
  let registered: string[] = [];
  let editorId = 0;
  const fixtures = new Map<string, string>();
  const key = (author: Role, stage: Stage) => `${author}:${stage}`;
  let dir = '';

  /** One item of `author` brought to `stage` through the workflow (assigned ones to the test editor). */
  async function makeItem(author: Role, stage: Stage): Promise<string> {
    const res = await cmCreate(ITEM_UID, validArticle(), author);
    if (res.status !== 201) throw new Error(`create as ${author}: ${res.status} ${JSON.stringify(res.body)}`);
    const id = res.body.data.documentId as string;
    const steps: Array<[string, Record<string, unknown>]> = [
      [author, { action: 'submit' }],
      ['portal-admin', { action: 'assign', assigneeId: editorId }],
      ['editor', { action: 'verify' }],
      ['editor-in-chief', { action: 'approve' }],
    ];
    const count = ['draft', 'submitted', 'assigned', 'verified', 'published'].indexOf(stage);
    for (const [role, body] of steps.slice(0, count)) {
      const r = await transition(role, { uid: ITEM_UID, documentId: id, ...body });
      if (r.status !== 200) throw new Error(`${role} ${body.action}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    fixtures.set(key(author, stage), id);
    return id;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portal-routes-'));
    // The routes do not depend on the data: an empty SQLite database, whatever the suite's database.
    registered = parseRoutes(
      await listRoutes({
        ...cms().env,
        DATABASE_CLIENT: 'sqlite',
        DATABASE_URL: '',
        DATABASE_FILENAME: join(dir, 'routes.db'),
        PORTAL_DEMO: '0',
        EDITORIAL_SCHEDULER_MS: '3600000',
        STRAPI_TELEMETRY_DISABLED: 'true',
      }),
    );
    editorId = await fieldEditorId();
    for (const author of AUTHORS)
      for (const stage of ['draft', 'submitted', 'assigned', 'verified', 'published'] as Stage[])
        if (!(author === 'editor-in-chief' && stage === 'published')) await makeItem(author, stage);
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const isItemRow = (row: Row) => ['board-item', 'transition', 'cm-item'].includes(row.rule);

  function request(route: string, row: Row, target: { id: string; stage: Stage } | null) {
    const [methods, path] = route.split(' ');
    const method = methods.split('|').includes('GET') ? 'GET' : methods.split('|')[0];
    // A real component's uid where the route needs one to reach its checks.
    const model = row.rule === 'cm' && row.uid ? row.uid : path.includes('/components/') ? COMPONENT_UID : ITEM_UID;
    const id = target?.id ?? '999999';
    // Named parameters first, the rest after, so a type uid's own colons are never taken for a parameter.
    const url = path
      .replace(':report/:format', 'royalty/csv')
      .replace(/:([a-zA-Z]+)\*?/g, (_, name: string) => {
        if (['id', 'documentId', 'sourceId'].includes(name)) return id;
        if (['model', 'uid', 'contentType'].includes(name)) return model;
        return name === 'targetField' ? 'field' : '999999';
      })
      .replace(/\(\.\*\)/g, 'x');
    let body: unknown;
    if (method !== 'GET' && method !== 'DELETE') body = {};
    if (row.rule === 'transition' && target)
      body = { uid: ITEM_UID, documentId: id, action: NEXT_ACTION[target.stage], comment: 'Lý do', assigneeId: editorId };
    if (row.rule === 'cm-item' && row.op.startsWith('bulk-')) body = { documentIds: [id] };
    if (row.rule === 'cm-item' && row.op === 'clone') {
      const title = uniq('Bản sao');
      body = { title, slug: `ban-sao-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` };
    }
    if (row.rule === 'cm' && row.op === 'create' && !row.uid) body = validArticle();
    body = BODIES[route] ?? body;
    return { method, url, body };
  }

  function matches(want: Outcome, row: Row, status: number, changed: boolean, count?: number): boolean {
    const auth = status === 401 || status === 403;
    switch (want) {
      case 'public':
        return status < 500 && !changed;
      case 'refused':
        return auth && !changed;
      case 'denied':
        // Bulk routes answer 200 with a count of 0 when nothing was allowed to change.
        return ((status >= 400 && status < 500 && !auth) || (status < 300 && count === 0)) && !changed;
      case 'allowed':
        return row.loose ? status < 500 && !auth : status >= 200 && status < 300 && count !== 0;
      default:
        return true;
    }
  }

  it('has a row for every registered route', () => {
    expect(registered.length).toBeGreaterThan(250);
    expect(
      registered.filter((r) => !(r in ROUTES)),
      'routes without a row',
    ).toEqual([]);
  });

  it('every role gets what the rules say, on every route', { timeout: 1_800_000 }, async () => {
    const wrong: string[] = [];
    let calls = 0;
    // Ending every session first, then signing out (a signed-out token could not end them any more).
    const ordered = [...Object.keys(ROUTES).filter((r) => !ENDS_SESSIONS.includes(r)), ...ENDS_SESSIONS];
    for (const route of ordered) {
      const row = ROUTES[route];
      for (const role of ROLES) {
        const targets: Array<Target | undefined> = isItemRow(row) ? TARGETS : [undefined];
        for (const target of targets) {
          const want = expected(row, role, target);
          if (want === 'n/a') continue;
          // A call that would destroy what the rest of the suite stands on is only made when refused.
          if (want === 'allowed' && row.note?.startsWith('not called when allowed')) continue;
          const author = target ? authorOf(role, target) : null;
          const item = target && author ? { id: fixtures.get(key(author, target.stage))!, stage: target.stage } : null;
          const { method, url, body } = request(route, row, item);
          const before = digest();
          const res = await http(method, url, { token: role === 'anonymous' ? undefined : await adminToken(role), body });
          calls++;
          const changed = digest() !== before;
          const count = typeof res.body?.count === 'number' ? res.body.count : res.body?.data?.count;
          if (!matches(want, row, res.status, changed, count)) {
            const where = target ? ` [${target.owner} ${target.stage}]` : '';
            wrong.push(`${route} as ${role}${where}: want ${want}, got ${res.status}${changed ? ' (database changed)' : ''}`);
          }
          // A write that worked moved the item on: the next caller gets a fresh one at the same stage.
          if (item && author && method !== 'GET' && res.status < 300) await makeItem(author, item.stage);
        }
      }
    }
    // Later files sign in again: the session routes above may have ended the cached sessions.
    rmSync(join(cms().dir, 'admin-tokens.json'), { force: true });
    expect(calls).toBeGreaterThan(2000);
    expect(wrong).toEqual([]);
  });
});
