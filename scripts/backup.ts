// `npm run backup`: one archive with everything needed to rebuild the portal's data —
//   db/cms.db (SQLite online backup) or db/portal.pgdump (pg_dump, custom format),
//   uploads/ (local media; an S3 bucket keeps its own versioning and backups),
//   settings.json (site settings, for humans), manifest.json (versions, counts, checksums).
// The CMS may keep running. Archives go to BACKUP_DIR (default .data/backups); the oldest beyond
// BACKUP_KEEP (default 14; 0 keeps all) are deleted. Options: --dir <path>, --keep <n>.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative, resolve } from 'node:path';
import { readEnvFile } from './lib/env.ts';
import { CMS_DIR, DATA, ROOT } from './lib/paths.ts';
import { assertSqliteExists, dbTarget, openDb, pgDb, siteSettings, snapshot, uploadsDir, type Env, type Snapshot } from './lib/dbsnap.ts';

export const ARCHIVE_PREFIX = 'portal-backup-';

export interface BackupOptions {
  env: Env;
  dir: string;
  keep: number;
  log?: (msg: string) => void;
}

export function backupEnv(): Env {
  // Values in the environment win over .env (systemd passes EnvironmentFile, npm start writes .env).
  return { ...readEnvFile(join(ROOT, '.env')), ...process.env };
}

export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk);
  return h.digest('hex');
}

function listFiles(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, base));
    else out.push(relative(base, p));
  }
  return out;
}

function stamp(d = new Date()): string {
  // Local time of the server (TZ=Asia/Ho_Chi_Minh), sortable: portal-backup-20250131-023000-123.tar.gz
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}-${p(d.getMilliseconds(), 3)}`;
}

function versions() {
  const read = (p: string) => {
    try {
      return JSON.parse(readFileSync(p, 'utf8')).version as string;
    } catch {
      return null;
    }
  };
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {}
  const req = createRequire(join(CMS_DIR, 'package.json'));
  let strapi: string | null = null;
  try {
    strapi = read(req.resolve('@strapi/strapi/package.json'));
  } catch {}
  return { portal: read(join(ROOT, 'package.json')), commit, strapi, node: process.versions.node };
}

function waitExit(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'], env: env ?? process.env });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) =>
      rej(
        new Error(
          `${cmd}: ${e.message}${(e as NodeJS.ErrnoException).code === 'ENOENT' ? ' (install the PostgreSQL client, e.g. apt-get install postgresql-client)' : ''}`,
        ),
      ),
    );
    child.on('exit', (code) => (code === 0 ? res() : rej(new Error(`${cmd} failed (exit ${code}): ${err.trim()}`))));
  });
}

/** Dumps the database into stage/db and returns the content snapshot of exactly what was dumped. */
async function dumpDatabase(env: Env, stage: string): Promise<{ client: string; file: string; snap: Snapshot; settings: unknown[] }> {
  const target = dbTarget(env);
  mkdirSync(join(stage, 'db'), { recursive: true });
  if (target.client === 'sqlite') {
    assertSqliteExists(target.filename);
    const Database = createRequire(join(CMS_DIR, 'package.json'))('better-sqlite3');
    const src = new Database(target.filename, { readonly: true, fileMustExist: true });
    const file = join(stage, 'db', 'cms.db');
    try {
      // SQLite's online backup API: a consistent copy even while the CMS writes.
      await src.backup(file);
    } finally {
      src.close();
    }
    const db = await openDb({ client: 'sqlite', filename: file });
    try {
      return { client: 'sqlite', file: 'db/cms.db', snap: await snapshot(db), settings: await siteSettings(db) };
    } finally {
      await db.close();
    }
  }
  // PostgreSQL: pg_dump and the checksum read the same exported snapshot, so the manifest describes
  // exactly the dump even while editors keep working.
  const { Client } = createRequire(join(CMS_DIR, 'package.json'))('pg');
  const client = new Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query('SELECT pg_export_snapshot() AS id');
    await client.query(`SET LOCAL search_path TO "${target.schema.replace(/"/g, '""')}"`);
    const file = join(stage, 'db', 'portal.pgdump');
    await waitExit('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--snapshot=${rows[0].id}`,
      `--schema=${target.schema}`,
      '--file',
      file,
      '--dbname',
      target.url,
    ]);
    const db = pgDb(client, target.schema);
    const result = { client: 'postgres', file: 'db/portal.pgdump', snap: await snapshot(db), settings: await siteSettings(db) };
    await client.query('COMMIT');
    return result;
  } finally {
    await client.end();
  }
}

export async function backup(opts: BackupOptions): Promise<{ archive: string; manifest: any; pruned: string[] }> {
  const log = opts.log ?? ((m: string) => console.log(`[backup] ${m}`));
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = `${ARCHIVE_PREFIX}${stamp()}`;
  const stage = join(dir, `.${name}.tmp`);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true, mode: 0o700 });
  try {
    const db = await dumpDatabase(opts.env, stage);
    log(`database (${db.client}) dumped: ${Object.values(db.snap.types).reduce((a, t) => a + t.rows, 0)} content rows`);

    const provider = opts.env.UPLOAD_PROVIDER === 's3' ? 's3' : 'local';
    const up = uploadsDir(opts.env);
    if (existsSync(up)) cpSync(up, join(stage, 'uploads'), { recursive: true });
    else mkdirSync(join(stage, 'uploads'));
    const uploadFiles = listFiles(join(stage, 'uploads')).filter((f) => basename(f) !== '.gitkeep');
    log(
      provider === 's3'
        ? `media on S3 (${opts.env.S3_BUCKET}): not in the archive — the bucket is versioned and backed up on its own`
        : `${uploadFiles.length} uploaded files copied`,
    );

    writeFileSync(join(stage, 'settings.json'), JSON.stringify(db.settings, null, 2) + '\n');

    const files: Record<string, string> = {};
    for (const f of listFiles(stage)) files[f] = await sha256File(join(stage, f));
    const manifest = {
      format: 1,
      createdAt: new Date().toISOString(),
      versions: versions(),
      database: { client: db.client, file: db.file },
      uploads: {
        provider,
        files: uploadFiles.length,
        ...(provider === 's3' ? { bucket: opts.env.S3_BUCKET ?? null, endpoint: opts.env.S3_ENDPOINT ?? null } : {}),
      },
      counts: db.snap.types,
      tables: db.snap.tables,
      contentChecksum: db.snap.contentChecksum,
      files,
    };
    writeFileSync(join(stage, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

    const archive = join(dir, `${name}.tar.gz`);
    const partial = `${archive}.partial`;
    execFileSync('tar', ['-czf', partial, '-C', stage, '.'], { stdio: ['ignore', 'inherit', 'inherit'] });
    chmodSync(partial, 0o600);
    renameSync(partial, archive);
    log(`wrote ${archive} (${(statSync(archive).size / 1024).toFixed(0)} KiB)`);
    const pruned = prune(dir, opts.keep);
    for (const p of pruned) log(`pruned ${p}`);
    return { archive, manifest, pruned };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Deletes the oldest archives beyond `keep` (0 keeps all); names sort by time. */
export function prune(dir: string, keep: number): string[] {
  if (!keep || keep < 1) return [];
  const archives = readdirSync(dir)
    .filter((n) => n.startsWith(ARCHIVE_PREFIX) && n.endsWith('.tar.gz'))
    .sort();
  const old = archives.slice(0, Math.max(0, archives.length - keep));
  for (const n of old) rmSync(join(dir, n), { force: true });
  return old;
}

function parseArgs(argv: string[], env: Env) {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const keepRaw = get('--keep') ?? env.BACKUP_KEEP ?? '14';
  const keep = Number(keepRaw);
  if (!Number.isInteger(keep) || keep < 0) throw new Error(`BACKUP_KEEP must be a whole number ≥ 0 (got "${keepRaw}")`);
  return { dir: get('--dir') ?? env.BACKUP_DIR ?? join(DATA, 'backups'), keep };
}

if (import.meta.main) {
  const env = backupEnv();
  try {
    const { dir, keep } = parseArgs(process.argv.slice(2), env);
    await backup({ env, dir, keep });
  } catch (err) {
    console.error(`[backup] failed: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
