// `npm run restore -- <archive> [--force]`: puts a backup made by scripts/backup.ts back into the
// database and uploads directory named by the environment (.env and the process environment, as for
// the CMS). Stop the CMS first. Refuses a database that has an admin account or content, or a
// non-empty uploads directory, unless --force is given. Checks every file against the manifest
// before touching anything and the restored content against the manifest's checksum afterwards.
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { backupEnv, sha256File } from './backup.ts';
import { dbTarget, isEmpty, openDb, snapshot, uploadsDir, type Env, type Snapshot } from './lib/dbsnap.ts';

export interface RestoreOptions {
  archive: string;
  env: Env;
  force?: boolean;
  log?: (msg: string) => void;
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => rej(new Error(`${cmd}: ${e.message}`)));
    child.on('exit', (code) => (code === 0 ? res() : rej(new Error(`${cmd} failed (exit ${code}): ${err.trim()}`))));
  });
}

export async function restore(opts: RestoreOptions): Promise<{ manifest: any; contentChecksum: string }> {
  const log = opts.log ?? ((m: string) => console.log(`[restore] ${m}`));
  const archive = resolve(opts.archive);
  if (!existsSync(archive)) throw new Error(`archive ${archive} not found`);
  const work = mkdtempSync(join(tmpdir(), 'portal-restore-'));
  try {
    execFileSync('tar', ['-xzf', archive, '-C', work], { stdio: ['ignore', 'inherit', 'inherit'] });
    const manifestFile = join(work, 'manifest.json');
    if (!existsSync(manifestFile)) throw new Error('not a portal backup: manifest.json is missing');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest.format !== 1) throw new Error(`unknown backup format ${manifest.format}`);
    for (const [file, sum] of Object.entries(manifest.files as Record<string, string>)) {
      if (!existsSync(join(work, file)) || (await sha256File(join(work, file))) !== sum)
        throw new Error(`archive is damaged: ${file} does not match its checksum`);
    }
    log(
      `archive of ${manifest.createdAt} (portal ${manifest.versions?.portal}, Strapi ${manifest.versions?.strapi}, ${manifest.database.client}) verified`,
    );

    const target = dbTarget(opts.env);
    if (target.client !== manifest.database.client) {
      throw new Error(
        `the backup holds a ${manifest.database.client} database but this installation uses ${target.client}; see docs/operations.md (moving from SQLite to PostgreSQL)`,
      );
    }

    // Refuse to overwrite anything in use before changing a single byte.
    let dbHasTables = false;
    let schemas: string[] = [];
    if (target.client === 'sqlite' ? existsSync(target.filename) : true) {
      const db = await openDb(target);
      try {
        dbHasTables = (await db.tables()).length > 0;
        if (db.client === 'postgres') schemas = (await db.query('SELECT nspname FROM pg_namespace')).map((r) => String(r.nspname));
        if (!(await isEmpty(db)) && !opts.force)
          throw new Error(
            `the database (${target.client === 'sqlite' ? target.filename : 'PostgreSQL'}) is not empty: refusing to overwrite it without --force`,
          );
      } finally {
        await db.close();
      }
    }
    const up = uploadsDir(opts.env);
    const upFiles = existsSync(up) ? readdirSync(up).filter((n) => n !== '.gitkeep') : [];
    if (manifest.uploads.provider === 'local' && upFiles.length && !opts.force) {
      throw new Error(`the uploads directory ${up} is not empty: refusing to overwrite it without --force`);
    }

    if (target.client === 'sqlite') {
      mkdirSync(dirname(target.filename), { recursive: true });
      const tmp = `${target.filename}.restore-tmp`;
      copyFileSync(join(work, manifest.database.file), tmp);
      for (const suffix of ['-wal', '-shm', '-journal']) rmSync(target.filename + suffix, { force: true });
      renameSync(tmp, target.filename);
    } else {
      // --clean --if-exists replaces the tables a first start of the CMS may have created.
      // Schemas that already exist (always "public") are left out of the restore list: pg_dump writes
      // CREATE SCHEMA for a schema it was asked to dump.
      const dump = join(work, manifest.database.file);
      const toc = execFileSync('pg_restore', ['--list', dump], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => !schemas.some((s) => new RegExp(`^\\d+; \\d+ \\d+ (SCHEMA|COMMENT) - (SCHEMA )?${s} `).test(line)));
      writeFileSync(join(work, 'restore.list'), toc.join('\n'));
      const args = [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        '--use-list',
        join(work, 'restore.list'),
        '--dbname',
        target.url,
      ];
      if (dbHasTables) args.unshift('--clean', '--if-exists');
      await run('pg_restore', [...args, dump]);
    }
    log(`database restored (${target.client})`);

    if (manifest.uploads.provider === 'local') {
      // Restored files get the owner of the uploads directory (e.g. "node" in the CMS image when the
      // restore runs as root), so the CMS can still manage them.
      let existing = up;
      while (!existsSync(existing)) existing = dirname(existing);
      const owner = statSync(existing);
      if (opts.force) for (const n of upFiles) rmSync(join(up, n), { recursive: true, force: true });
      mkdirSync(up, { recursive: true });
      if (existsSync(join(work, 'uploads'))) cpSync(join(work, 'uploads'), up, { recursive: true });
      if (process.getuid?.() === 0 && owner.uid !== 0) execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, up]);
      log(`${manifest.uploads.files} uploaded files restored into ${up}`);
    } else {
      log(`media are on S3 (bucket ${manifest.uploads.bucket}): restore them from the bucket's versioning or backup if needed`);
    }

    const db = await openDb(target);
    let snap: Snapshot;
    try {
      snap = await snapshot(db);
    } finally {
      await db.close();
    }
    if (snap.contentChecksum !== manifest.contentChecksum) throw new Error('restored content does not match the manifest checksum');
    for (const [uid, c] of Object.entries(manifest.counts as Record<string, { rows: number }>)) log(`  ${uid.padEnd(36)} ${c.rows}`);
    log('content checksum matches the manifest; start the CMS');
    return { manifest, contentChecksum: snap.contentChecksum };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const archive = args.find((a) => !a.startsWith('--'));
  if (!archive) {
    console.error('usage: npm run restore -- <archive.tar.gz> [--force]');
    process.exit(2);
  }
  try {
    await restore({ archive, env: backupEnv(), force });
  } catch (err) {
    console.error(`[restore] failed: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
}
