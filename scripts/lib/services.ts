// System services the test command needs: Debian's Chromium, docker-compose, nginx and a private
// PostgreSQL cluster.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let aptUpdated = false;
function aptInstall(pkgs: string[]): void {
  if (process.getuid?.() !== 0)
    throw new Error(`Missing ${pkgs.join(', ')}: install with "sudo apt-get install -y ${pkgs.join(' ')}" and retry.`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    aptUpdated = true;
  }
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
}

/** Path of a Chromium binary: PORTAL_CHROMIUM, else Debian's, installed when missing. */
export function ensureChromium(): string {
  const wanted = process.env.PORTAL_CHROMIUM;
  if (wanted) {
    if (!existsSync(wanted)) throw new Error(`PORTAL_CHROMIUM=${wanted} does not exist`);
    return wanted;
  }
  const path = '/usr/bin/chromium';
  if (!existsSync(path)) {
    console.log('[test] installing Debian chromium for the browser tests…');
    aptInstall(['chromium']);
  }
  return path;
}

/** Java for the Nu HTML Checker (vnu-jar) in the site suite: PORTAL_JAVA, else the one on PATH, else Debian's. */
export function ensureJava(): string {
  const wanted = process.env.PORTAL_JAVA;
  if (wanted) return wanted;
  const find = () => spawnSync('sh', ['-c', 'command -v java'], { encoding: 'utf8' }).stdout.trim();
  if (!find()) {
    console.log('[test] installing Debian openjdk-17-jre-headless for the HTML checker (vnu)…');
    aptInstall(['openjdk-17-jre-headless']);
  }
  const found = find();
  if (!found) throw new Error('java not found after installing openjdk-17-jre-headless');
  return found;
}

export function ensureDockerCompose(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v docker-compose'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  console.log('[test] installing Debian docker-compose (validates compose files without an engine)…');
  aptInstall(['docker-compose']);
  return spawnSync('sh', ['-c', 'command -v docker-compose'], { encoding: 'utf8' }).stdout.trim() || null;
}

/** Debian's nginx, for the unit test that runs deploy/nginx/portal.conf for real. */
export function ensureNginx(): string | null {
  const found = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
  if (found) return found;
  console.log('[test] installing Debian nginx-light (runs the public host config in a unit test)…');
  aptInstall(['nginx-light']);
  return ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p)) ?? null;
}

function pgBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

export interface Postgres {
  url: string;
  stop: () => void;
}

/** Starts a throw-away PostgreSQL cluster on a free port (installs Debian's server when missing). */
export function startPostgres(port: number): Postgres {
  let bin = pgBinDir();
  if (!bin) {
    console.log('[test] installing Debian postgresql…');
    aptInstall(['postgresql']);
    bin = pgBinDir();
    if (!bin) throw new Error('PostgreSQL server binaries not found after install');
  }
  const dir = mkdtempSync(join(tmpdir(), 'portal-pg-'));
  const data = join(dir, 'data');
  mkdirSync(data);
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: run the server as the postgres user then.
  const run = (cmd: string, args: string[]) => {
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' });
    else execFileSync(cmd, args, { stdio: 'pipe' });
  };
  if (asRoot) {
    chownSync(dir, uidOf('postgres'), gidOf('postgres'));
    chownSync(data, uidOf('postgres'), gidOf('postgres'));
  }
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-w',
    'start',
  ]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run(join(bin!, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } catch {}
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}
function gidOf(user: string): number {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}
