// The routes a built CMS registers, as `strapi routes:list` prints them ("METHODS path"), read from a
// separate process on a copy of a test CMS's database (the route inventory, the second-factor test).
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const CMS_DIR = join(import.meta.dirname, '..', '..', 'apps', 'cms');

export function listRoutes(env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const bin = join(CMS_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
    const child = spawn(process.execPath, [bin, 'routes:list'], {
      cwd: CMS_DIR,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`routes:list exited ${code}: ${out.slice(-2000)}`))));
  });
}

/** "METHODS path" of each row of the routes:list table. */
export function parseRoutes(text: string): string[] {
  return text
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => l.startsWith('│') && !l.includes(' Method '))
    .map((l) =>
      l
        .replace(/^│|│$/g, '')
        .split('│')
        .map((c) => c.trim()),
    )
    .filter((cells) => cells.length === 2)
    .map(([method, path]) => `${method} ${path}`);
}
