// `npm run audit:verify [-- --json]`: checks the editorial audit log's hash chain straight from the
// database the CMS uses (SQLite or PostgreSQL, from the same variables: the environment, then .env), with
// no CMS running and no account needed. Every entry's hash must match its content and the previous
// entry's hash, and seq must run 1, 2, 3… — the same check as GET /editorial/audit/verify, with the
// same field list (LOG_HASHED_FIELDS in packages/workflow).
// Exit 0: intact; 1: broken (the first bad seq is named); 2: the database could not be read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// The package's source (Node strips its types), so the check needs no build step: the same module the
// CMS uses through @cong-ttdt/workflow/audit.
import { LOG_HASHED_FIELDS, verifyLog, type LogVerification } from '../packages/workflow/src/audit.ts';
import { backupEnv } from './backup.ts';
import { dbTarget, openDb, type Env } from './lib/dbsnap.ts';
import { PLUGIN_DIR } from './lib/paths.ts';

const SCHEMA = join(PLUGIN_DIR, 'server', 'src', 'content-types', 'review-log', 'schema.json');

export interface AuditReport extends LogVerification {
  database: string;
}

type Attribute = { type: string };

/** Column name of an attribute, as Strapi names it (camelCase → snake_case). */
const columnOf = (attribute: string) => attribute.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/**
 * A raw column value as Strapi's query layer returns it (@strapi/database fields), so the hash is taken
 * over exactly what the CMS hashed: JSON columns are text in SQLite and already parsed by pg for
 * PostgreSQL (Strapi parses a string once more, for values stored twice-encoded by early Strapi 5).
 */
export function fromDb(type: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'json':
      if (typeof value !== 'string') return value;
      try {
        const parsed = JSON.parse(value);
        return typeof parsed === 'string' ? JSON.parse(parsed) : parsed;
      } catch {
        return value;
      }
    case 'integer':
    case 'float':
    case 'decimal':
      return Number(value);
    case 'string':
    case 'text':
      return String(value);
    default:
      return value;
  }
}

/** Reads the whole review log (in seq order) from the CMS database and verifies its chain. */
export async function auditVerify(env: Env): Promise<AuditReport> {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as { collectionName: string; attributes: Record<string, Attribute> };
  const table = schema.collectionName;
  const fields = [...LOG_HASHED_FIELDS, 'hash'] as const;
  for (const f of fields) if (!schema.attributes[f]) throw new Error(`the review-log schema has no attribute "${f}"`);
  const target = dbTarget(env);
  const database = target.client === 'sqlite' ? `sqlite ${target.filename}` : `postgres ${redact(target.url)} (schema ${target.schema})`;
  const db = await openDb(target, { readonly: true });
  try {
    if (!(await db.tables()).includes(table))
      throw new Error(`no table ${table} in ${database}: is this the portal's database, and has the CMS started on it once?`);
    const raw = await db.query(`SELECT * FROM "${table}" ORDER BY "seq" ASC`);
    if (raw.length) {
      const missing = fields.map(columnOf).filter((c) => !(c in raw[0]!));
      if (missing.length) throw new Error(`table ${table} has no column ${missing.join(', ')}`);
    }
    const rows = raw.map((r) => Object.fromEntries(fields.map((f) => [f, fromDb(schema.attributes[f]!.type, r[columnOf(f)])])));
    return { ...verifyLog(rows), database };
  } finally {
    await db.close();
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}

export function summary(r: AuditReport): string {
  return r.ok
    ? `audit chain OK: ${r.entries} entries, head ${r.head ?? '(empty log)'}`
    : `audit chain BROKEN at seq ${r.firstBadSeq} (${r.problem}); ${r.entries} entries`;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(
      'Usage: npm run audit:verify [-- --json]\nChecks the editorial audit log (hash chain) in the CMS database. Exit 0: intact, 1: broken, 2: error.',
    );
    process.exit(0);
  }
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length) {
    console.error(`audit-verify: unknown argument ${unknown.join(' ')} (use --json or --help)`);
    process.exit(2);
  }
  const json = args.includes('--json');
  try {
    const report = await auditVerify(backupEnv());
    if (json) console.log(JSON.stringify(report, null, 2));
    else console.log(`${summary(report)}\n  database: ${report.database}`);
    process.exit(report.ok ? 0 : 1);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (json) console.log(JSON.stringify({ ok: false, error: message }));
    console.error(`audit-verify: ${message}`);
    process.exit(2);
  }
}
