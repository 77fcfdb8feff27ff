// Scheduled go-live and expiry end to end on the real CMS (its scheduler runs every second in this
// suite: EDITORIAL_SCHEDULER_MS=1000 in tests/setup/cms.ts), and `npm run audit:verify`, which checks
// the audit chain straight from the database, against the HTTP check and a tampered row.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cmCreate, fieldEditorId, transition, validArticle } from '../helpers/content.ts';
import { dbExec, dbQuery } from '../helpers/db.ts';
import { adminToken, cms, type HistoryEntry, http } from '../helpers/http.ts';

const UID = 'api::article.article';
const ROOT = join(import.meta.dirname, '..', '..');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined, or fails at the deadline. */
async function until<T>(what: string, deadline: number, probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const panel = async (id: string) =>
  (await http('GET', `/editorial/panel/${UID}/${id}`, { token: await adminToken('editor-in-chief') })).body.data;
const history = async (id: string) =>
  (await http('GET', `/editorial/history/${UID}/${id}`, { token: await adminToken('inspector') })).body.data as HistoryEntry[];
const httpVerify = async () =>
  (await http('GET', '/editorial/audit/verify', { token: await adminToken('inspector') })).body.data as {
    ok: boolean;
    entries: number;
    firstBadSeq: number | null;
    head: string;
  };

/** Is the article served by the public REST API (single route, list filtered by documentId)? */
async function publicState(id: string): Promise<{ one: number; listed: boolean; title?: string }> {
  const one = await http('GET', `/api/articles/${id}`);
  const list = await http('GET', `/api/articles?filters[documentId][$eq]=${encodeURIComponent(id)}`);
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  return { one: one.status, listed: list.body.data.length > 0, title: one.body?.data?.title };
}

/** A new article by the contributor, taken to `verified` (submit → assign → verify). */
async function verifiedArticle(): Promise<{ id: string; title: string }> {
  const data = validArticle();
  const res = await cmCreate(UID, data);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.data.documentId as string;
  for (const [role, body] of [
    ['contributor', { action: 'submit' }],
    ['portal-admin', { action: 'assign', assigneeId: await fieldEditorId() }],
    ['editor', { action: 'verify' }],
  ] as const) {
    const r = await transition(role, { uid: UID, documentId: id, ...body });
    expect(r.status, `${role} ${body.action}: ${JSON.stringify(r.body)}`).toBe(200);
  }
  return { id, title: data.title as string };
}

describe('scheduled go-live and expiry', () => {
  beforeAll(async () => {
    await fieldEditorId();
  });

  it('an approved article waits for goLiveAt, goes live, and is taken down at expiresAt; each step is in the chain', {
    timeout: 120_000,
  }, async () => {
    const { id, title } = await verifiedArticle();
    const goLiveAt = new Date(Date.now() + 6_000);
    const expiresAt = new Date(goLiveAt.getTime() + 6_000);
    const approve = await transition('editor-in-chief', {
      uid: UID,
      documentId: id,
      action: 'approve',
      goLiveAt: goLiveAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
      royaltyGrade: 1.5,
    });
    expect(approve.status, JSON.stringify(approve.body)).toBe(200);
    expect(approve.body.data).toMatchObject({ stage: 'scheduled', goLiveAt: goLiveAt.toISOString(), expiresAt: expiresAt.toISOString() });

    // Approved but not yet due: scheduled, and nothing public (not even when asking for drafts).
    expect((await panel(id)).stage).toBe('scheduled');
    expect(await publicState(id)).toMatchObject({ one: 404, listed: false });
    expect((await http('GET', `/api/articles/${id}?status=draft`)).status).toBe(404);
    expect(Date.now(), 'the checks above ran before goLiveAt (test too slow to observe the wait)').toBeLessThan(goLiveAt.getTime());

    // Goes live on the scheduler's next tick after goLiveAt, never before.
    const live = await until('the article to go live', goLiveAt.getTime() + 20_000, async () => {
      const s = await publicState(id);
      return s.one === 200 ? { ...s, seenAt: Date.now() } : undefined;
    });
    expect(live.seenAt).toBeGreaterThanOrEqual(goLiveAt.getTime());
    expect(live).toMatchObject({ listed: true, title });
    const published = await panel(id);
    expect(published).toMatchObject({ stage: 'published', goLiveAt: null, expiresAt: expiresAt.toISOString() });
    const golive = (await history(id)).find((e) => e.action === 'golive');
    expect(golive).toMatchObject({ fromStage: 'scheduled', toStage: 'published', actorId: null, actorName: 'Hệ thống', actorRoles: [] });
    expect(Date.parse(golive?.at ?? '')).toBeGreaterThanOrEqual(goLiveAt.getTime());
    expect((await httpVerify()).ok).toBe(true);

    // Taken down at expiresAt: withdrawn (Đã gỡ), gone from the public API.
    if (Date.now() < expiresAt.getTime()) expect((await publicState(id)).one).toBe(200);
    await until('the article to expire', expiresAt.getTime() + 20_000, async () =>
      (await publicState(id)).one === 404 ? true : undefined,
    );
    expect(await publicState(id)).toMatchObject({ one: 404, listed: false });
    expect(await panel(id)).toMatchObject({ stage: 'withdrawn', goLiveAt: null, expiresAt: null });
    const entries = await history(id);
    expect(entries.map((e) => e.action)).toEqual(['submit', 'assign', 'verify', 'approve', 'golive', 'expire']);
    expect(entries[3]).toMatchObject({
      toStage: 'scheduled',
      meta: { goLiveAt: goLiveAt.toISOString(), expiresAt: expiresAt.toISOString(), royaltyGrade: 1.5 },
    });
    expect(entries[5]).toMatchObject({ fromStage: 'published', toStage: 'withdrawn', actorId: null, actorName: 'Hệ thống' });
    expect(Date.parse(entries[5].at)).toBeGreaterThanOrEqual(expiresAt.getTime());
    expect((await httpVerify()).ok).toBe(true);
  });

  it('refuses schedules that cannot be kept (400, in Vietnamese) and changes nothing', async () => {
    const { id } = await verifiedArticle();
    const before = { stage: (await panel(id)).stage, log: (await history(id)).length, chain: await httpVerify() };
    const inAnHour = Date.now() + 3_600_000;
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      [
        'expiry before go-live',
        { goLiveAt: new Date(inAnHour).toISOString(), expiresAt: new Date(inAnHour - 60_000).toISOString() },
        /hết hạn phải sau thời điểm xuất bản/,
      ],
      [
        'expiry equal to go-live',
        { goLiveAt: new Date(inAnHour).toISOString(), expiresAt: new Date(inAnHour).toISOString() },
        /hết hạn phải sau thời điểm xuất bản/,
      ],
      [
        'expiry already past',
        { expiresAt: new Date(Date.now() - 60_000).toISOString() },
        /hết hạn phải sau thời điểm xuất bản và sau hiện tại/,
      ],
      [
        'go-live and expiry both past',
        { goLiveAt: new Date(Date.now() - 7_200_000).toISOString(), expiresAt: new Date(Date.now() - 3_600_000).toISOString() },
        /hết hạn phải sau/,
      ],
      ['unreadable go-live', { goLiveAt: 'ngày mai' }, /Thời điểm xuất bản không hợp lệ/],
      ['unreadable expiry', { goLiveAt: new Date(inAnHour).toISOString(), expiresAt: '31/12/2099' }, /Thời điểm hết hạn không hợp lệ/],
    ];
    for (const [name, params, message] of cases) {
      const res = await transition('editor-in-chief', { uid: UID, documentId: id, action: 'approve', ...params });
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.message, name).toMatch(message);
    }
    expect({ stage: (await panel(id)).stage, log: (await history(id)).length, chain: await httpVerify() }).toEqual(before);
    expect((await publicState(id)).one).toBe(404);
  });

  it('a go-live time already past publishes at once (the rule of packages/workflow: the time has come)', async () => {
    const { id } = await verifiedArticle();
    const res = await transition('editor-in-chief', {
      uid: UID,
      documentId: id,
      action: 'approve',
      goLiveAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({ stage: 'published', goLiveAt: null });
    expect((await publicState(id)).one).toBe(200);
  });

  it('returning a scheduled article cancels its go-live', { timeout: 60_000 }, async () => {
    const { id } = await verifiedArticle();
    const goLiveAt = new Date(Date.now() + 3_000);
    expect(
      (await transition('editor-in-chief', { uid: UID, documentId: id, action: 'approve', goLiveAt: goLiveAt.toISOString() })).body.data
        .stage,
    ).toBe('scheduled');
    const back = await transition('editor-in-chief', { uid: UID, documentId: id, action: 'return', comment: 'Hoãn đăng.' });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.data).toMatchObject({ stage: 'returned', goLiveAt: null });
    // Three ticks past the old time: still not public, no golive in the log.
    await sleep(Math.max(0, goLiveAt.getTime() - Date.now()) + 3_000);
    expect((await panel(id)).stage).toBe('returned');
    expect((await publicState(id)).one).toBe(404);
    expect((await history(id)).map((e) => e.action)).not.toContain('golive');
  });
});

/** `npm run audit:verify -- --json` (through scripts/bootstrap.mjs) against the suite's database. */
function cli(...args: string[]) {
  const info = cms();
  const env = {
    ...process.env,
    ...info.env,
    // The child reads .env under the environment: pin the database so a developer's .env cannot redirect it.
    DATABASE_CLIENT: info.dbClient,
    ...(info.dbClient === 'sqlite' ? { DATABASE_URL: '' } : {}),
  };
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bootstrap.mjs'), 'audit-verify', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) };
}

describe('npm run audit:verify (reads the database directly)', () => {
  it('verifies the same chain as GET /editorial/audit/verify', async () => {
    // Entries of every kind so far: demo seed, transitions with meta (assignee, dates, royalty grade),
    // the scheduler's golive/expire (actor null), questions and role changes from other files.
    let before: Awaited<ReturnType<typeof httpVerify>>;
    let out: ReturnType<typeof cli>;
    let after: Awaited<ReturnType<typeof httpVerify>>;
    // Another writer (the scheduler) could append between the two HTTP checks: retry until they agree.
    for (let i = 0; ; i++) {
      before = await httpVerify();
      out = cli('--json');
      after = await httpVerify();
      if (before.entries === after.entries || i === 3) break;
    }
    expect(after).toEqual(before);
    expect(before.ok).toBe(true);
    expect(out.status, out.stderr + out.stdout).toBe(0);
    const report = out.json();
    expect(report).toMatchObject({ ok: true, entries: before.entries, head: before.head, firstBadSeq: null, problem: null });
    expect(report.entries).toBeGreaterThan(10);
    expect(report.database).toMatch(cms().dbClient === 'sqlite' ? /^sqlite / : /^postgres /);

    const text = cli();
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`audit chain OK: ${before.entries} entries, head ${before.head}`);
  });

  it("exits 1 naming the seq of a tampered row (a JSON column: the approve entry's go-live time)", async () => {
    const [row] = dbQuery<{ seq: number; meta: unknown }>(
      "SELECT seq, meta FROM editorial_review_logs WHERE action = 'approve' AND to_stage = 'scheduled' ORDER BY seq DESC LIMIT 1",
    );
    expect(row, 'the schedule test above left an approve → scheduled entry').toBeTruthy();
    const seq = Number(row.seq);
    // SQLite gives the JSON text back as stored; psql's json_agg gives the value (jsonb keeps no spelling).
    const original = typeof row.meta === 'string' ? row.meta : JSON.stringify(row.meta);
    const meta = JSON.parse(original);
    // Backdating a scheduled publication, straight in the database (the CMS refuses any change of a log row).
    dbExec('UPDATE editorial_review_logs SET meta = ? WHERE seq = ?', [
      JSON.stringify({ ...meta, goLiveAt: '2020-01-01T00:00:00.000Z' }),
      seq,
    ]);
    try {
      const out = cli('--json');
      expect(out.status, out.stderr + out.stdout).toBe(1);
      expect(out.json()).toMatchObject({ ok: false, firstBadSeq: seq, problem: expect.stringMatching(/hash does not match/) });
      const text = cli();
      expect(text.status).toBe(1);
      expect(text.stdout).toContain(`audit chain BROKEN at seq ${seq} (`);
      expect(await httpVerify()).toMatchObject({ ok: false, firstBadSeq: seq });
    } finally {
      // Put the row back so later files sharing this CMS see an intact chain.
      dbExec('UPDATE editorial_review_logs SET meta = ? WHERE seq = ?', [original, seq]);
    }
    expect(cli().status).toBe(0);
    expect((await httpVerify()).ok).toBe(true);
  });

  it('exits 2 with a message when the database cannot be read', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bootstrap.mjs'), 'audit-verify'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_CLIENT: 'sqlite', DATABASE_URL: '', DATABASE_FILENAME: join(cms().dir, 'no-such.db') },
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^audit-verify: /m);
  });
});
