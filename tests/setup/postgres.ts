// A private PostgreSQL cluster for the integration suite (Debian's server binaries, started by
// scripts/test.ts; PORTAL_TEST_PG_URL points at it). Each suite run gets its own database.
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = process.env.PORTAL_TEST_PG_URL;
  if (!admin) throw new Error('PORTAL_TEST_DB=postgres needs PORTAL_TEST_PG_URL (scripts/test.ts starts a cluster)');
  const name = `portal_it_${randomBytes(4).toString('hex')}`;
  execFileSync('psql', [admin, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`]);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      try {
        execFileSync('psql', [admin, '-q', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
      } catch {}
    },
  };
}
