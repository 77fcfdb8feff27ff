// Direct database access for tests that must bypass the server (e.g. a row the guards would refuse).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cms } from './http.ts';

const require = createRequire(join(import.meta.dirname, '..', '..', 'apps', 'cms', 'package.json'));

/** Runs one SQL statement with `?` placeholders replaced by quoted literals (test values only). */
export function dbExec(sql: string, params: Array<string | number> = []): void {
  const info = cms();
  if (info.dbClient === 'sqlite') {
    const Database = require('better-sqlite3');
    const db = new Database(info.env.DATABASE_FILENAME);
    try {
      db.prepare(sql).run(...params);
    } finally {
      db.close();
    }
    return;
  }
  let i = 0;
  const literal = sql.replace(/\?/g, () => {
    const v = params[i++];
    return typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
  });
  execFileSync('psql', [info.env.DATABASE_URL, '-v', 'ON_ERROR_STOP=1', '-q', '-c', literal]);
}

export function dbQuery<T = Record<string, unknown>>(sql: string, params: Array<string | number> = []): T[] {
  const info = cms();
  if (info.dbClient === 'sqlite') {
    const Database = require('better-sqlite3');
    const db = new Database(info.env.DATABASE_FILENAME, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  let i = 0;
  const literal = sql.replace(/\?/g, () => {
    const v = params[i++];
    return typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
  });
  const out = execFileSync('psql', [info.env.DATABASE_URL, '-At', '-q', '-c', `SELECT coalesce(json_agg(t), '[]') FROM (${literal}) t`], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim() || '[]') as T[];
}
