// Read-only views of the CMS database shared by backup, restore and their tests: where the database
// is (from the same variables as apps/cms/config/database.ts), which tables hold content, how many
// entries each content type has, and one checksum over every content row (drafts and published).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { CMS_DIR, DATA } from './paths.ts';

const requireCms = createRequire(join(CMS_DIR, 'package.json'));

export type Env = Record<string, string | undefined>;

export type DbTarget = { client: 'sqlite'; filename: string } | { client: 'postgres'; url: string; schema: string };

/** The database the CMS uses with this environment (same rules as apps/cms/config/database.ts). */
export function dbTarget(env: Env): DbTarget {
  const url = env.DATABASE_URL ?? '';
  const client = env.DATABASE_CLIENT || (url.startsWith('postgres') ? 'postgres' : 'sqlite');
  if (client === 'postgres') {
    let conn = url;
    if (!conn) {
      const u = new URL('postgresql://localhost');
      u.hostname = env.DATABASE_HOST || 'localhost';
      u.port = env.DATABASE_PORT || '5432';
      u.username = encodeURIComponent(env.DATABASE_USERNAME || 'strapi');
      u.password = encodeURIComponent(env.DATABASE_PASSWORD || '');
      u.pathname = `/${env.DATABASE_NAME || 'strapi'}`;
      if (env.DATABASE_SSL === 'true') u.searchParams.set('sslmode', 'require');
      conn = u.toString();
    }
    return { client: 'postgres', url: conn, schema: env.DATABASE_SCHEMA || 'public' };
  }
  if (client !== 'sqlite') throw new Error(`Unsupported DATABASE_CLIENT "${client}"`);
  // `npm start` puts the database in .data/cms.db; Strapi resolves relative names against apps/cms.
  const name = env.DATABASE_FILENAME || join(DATA, 'cms.db');
  return { client: 'sqlite', filename: isAbsolute(name) ? name : resolve(CMS_DIR, name) };
}

/** Directory of local uploads (Strapi's public dir, CMS_PUBLIC_DIR, + /uploads). */
export function uploadsDir(env: Env): string {
  const pub = env.CMS_PUBLIC_DIR || 'public';
  return join(isAbsolute(pub) ? pub : resolve(CMS_DIR, pub), 'uploads');
}

export interface Db {
  client: 'sqlite' | 'postgres';
  tables(): Promise<string[]>;
  rows(table: string): Promise<Record<string, unknown>[]>;
  count(table: string): Promise<number>;
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** One clear line for the common first-run case, not the driver's "unable to open database file". */
export function assertSqliteExists(filename: string): void {
  if (!existsSync(filename))
    throw new Error(`no SQLite database at ${filename} (start the portal once with npm start, or set DATABASE_FILENAME)`);
}

export async function openDb(target: DbTarget, opts: { readonly?: boolean } = {}): Promise<Db> {
  if (target.client === 'sqlite') {
    // One clear line for the common first-run case, not the driver's "unable to open database file".
    if (!existsSync(target.filename))
      throw new Error(`no SQLite database at ${target.filename} (start the portal once with npm start, or set DATABASE_FILENAME)`);
    const Database = requireCms('better-sqlite3');
    const db = new Database(target.filename, { readonly: opts.readonly ?? true, fileMustExist: true });
    return {
      client: 'sqlite',
      tables: async () =>
        (
          db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
            name: string;
          }[]
        ).map((r) => r.name),
      rows: async (t) => db.prepare(`SELECT * FROM ${quote(t)} ORDER BY rowid`).all(),
      count: async (t) => (db.prepare(`SELECT count(*) AS n FROM ${quote(t)}`).get() as { n: number }).n,
      query: async (sql, params = []) => db.prepare(sql).all(...params),
      close: async () => db.close(),
    };
  }
  const { Client } = requireCms('pg');
  const client = new Client({ connectionString: target.url });
  await client.connect();
  const schema = target.schema;
  await client.query(`SET search_path TO ${quote(schema)}`);
  return pgDb(client, schema);
}

/** Wraps a connected pg client (the backup reuses one inside its snapshot transaction). */
export function pgDb(client: any, schema = 'public'): Db {
  return {
    client: 'postgres',
    tables: async () =>
      (
        await client.query(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name",
          [schema],
        )
      ).rows.map((r: { name: string }) => r.name),
    rows: async (t) => {
      const cols = (
        await client.query(
          'SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
          [schema, t],
        )
      ).rows.map((r: { column_name: string }) => r.column_name);
      // By id when there is one, else by every column: the same order before and after a restore.
      const order = cols.includes('id') ? '"id"' : cols.map((_: string, i: number) => String(i + 1)).join(', ');
      return (await client.query(`SELECT * FROM ${quote(t)}${order ? ` ORDER BY ${order}` : ''}`)).rows;
    },
    count: async (t) => Number((await client.query(`SELECT count(*) AS n FROM ${quote(t)}`)).rows[0].n),
    query: async (sql, params = []) => {
      let i = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++i}`),
          params,
        )
      ).rows;
    },
    close: async () => client.end(),
  };
}

export interface ContentType {
  uid: string;
  table: string;
  draftAndPublish: boolean;
}

/** Every content type of the app (src/api and the editorial plugin), from the schema files. */
export function contentTypes(): ContentType[] {
  const out: ContentType[] = [];
  const scan = (base: string, uidOf: (api: string, name: string) => string, nested: boolean) => {
    if (!existsSync(base)) return;
    for (const api of readdirSync(base)) {
      const ctDir = nested ? join(base, api, 'content-types') : base;
      if (!existsSync(ctDir)) continue;
      for (const name of nested ? readdirSync(ctDir) : [api]) {
        const file = join(ctDir, name, 'schema.json');
        if (!existsSync(file)) continue;
        const schema = JSON.parse(readFileSync(file, 'utf8'));
        out.push({ uid: uidOf(api, name), table: schema.collectionName, draftAndPublish: schema.options?.draftAndPublish !== false });
      }
      if (!nested) continue;
    }
  };
  scan(join(CMS_DIR, 'src', 'api'), (api, name) => `api::${api}.${name}`, true);
  scan(join(CMS_DIR, 'src', 'plugins', 'editorial', 'server', 'src', 'content-types'), (name) => `plugin::editorial.${name}`, false);
  return out.sort((a, b) => a.uid.localeCompare(b.uid));
}

// Tables Strapi rewrites at every start (schema bookkeeping, permission sync, tokens, sessions):
// they are backed up whole but left out of the content checksum.
const SYSTEM_PREFIXES = ['strapi_', 'admin_', 'up_', 'i18n_', 'knex_'];

export function isContentTable(name: string): boolean {
  return !SYSTEM_PREFIXES.some((p) => name.startsWith(p));
}

/** Deterministic JSON: sorted keys, dates as ISO strings, buffers as base64, JSON text parsed. */
export function canonical(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (v === null || v === undefined) return null;
    if (v instanceof Date) return v.toISOString();
    if (Buffer.isBuffer(v)) return { $b64: v.toString('base64') };
    if (typeof v === 'bigint') return v.toString();
    if (Array.isArray(v)) return v.map(norm);
    if (typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, norm((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  return JSON.stringify(norm(value));
}

export interface Snapshot {
  /** Per content type: rows (drafts + published versions), distinct documents, published rows. */
  types: Record<string, { rows: number; documents: number; published: number }>;
  /** Row count of every table in the database. */
  tables: Record<string, number>;
  /** sha256 over the canonical JSON of every row of every content table, in table and id order. */
  contentChecksum: string;
}

export async function snapshot(db: Db): Promise<Snapshot> {
  const tables = await db.tables();
  const counts: Record<string, number> = {};
  const h = createHash('sha256');
  for (const t of tables) {
    counts[t] = await db.count(t);
    if (!isContentTable(t)) continue;
    h.update(`${t}\n`);
    for (const row of await db.rows(t)) h.update(canonical(row)).update('\n');
  }
  const types: Snapshot['types'] = {};
  for (const ct of contentTypes()) {
    if (!tables.includes(ct.table)) continue;
    const [first] = await db.query(`SELECT * FROM "${ct.table}" LIMIT 1`);
    const hasDoc = !first || 'document_id' in first;
    const [r] = await db.query(
      hasDoc
        ? `SELECT count(*) AS n, count(DISTINCT document_id) AS d, count(published_at) AS p FROM "${ct.table}"`
        : `SELECT count(*) AS n, count(*) AS d, 0 AS p FROM "${ct.table}"`,
    );
    types[ct.uid] = { rows: Number(r.n), documents: Number(r.d), published: Number(r.p) };
  }
  return { types, tables: counts, contentChecksum: h.digest('hex') };
}

/** The site settings row(s) with their JSON columns parsed, for humans reading a backup. */
export async function siteSettings(db: Db): Promise<Record<string, unknown>[]> {
  const tables = await db.tables();
  if (!tables.includes('site_settings')) return [];
  return (await db.rows('site_settings')).map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => {
        if (typeof v === 'string' && /^[[{]/.test(v)) {
          try {
            return [k, JSON.parse(v)];
          } catch {}
        }
        return [k, v instanceof Date ? v.toISOString() : v];
      }),
    ),
  );
}

/** True when the database has no admin account and no content row (a fresh or never-used install). */
export async function isEmpty(db: Db): Promise<boolean> {
  const tables = await db.tables();
  if (tables.includes('admin_users') && (await db.count('admin_users')) > 0) return false;
  for (const ct of contentTypes()) if (tables.includes(ct.table) && (await db.count(ct.table)) > 0) return false;
  return true;
}
