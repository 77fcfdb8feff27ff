#!/usr/bin/env node
// Each README command as the first command on a clean clone (no node_modules, no .env, no .data): it must
// do its job, or — with nothing to act on — exit non-zero with a one-line reason and no stack trace.
// `npm start` has its own check (first-start.mjs); `npm test` is what CI runs next.
// Usage: node scripts/ci/first-commands.mjs [command …]  (default: the ones CI runs; test:extended adds
// dev and bench). Node built-ins only: it runs before anything is installed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = process.cwd();
// command → [npm arguments, what its output must show, ready probe for long-running commands]
const CASES = {
  budget: { args: ['run', 'budget'], expect: /No built site at/ },
  backup: { args: ['run', 'backup'], expect: /no SQLite database at/ },
  restore: { args: ['run', 'restore'], expect: /usage: npm run restore/ },
  'audit:verify': { args: ['run', 'audit:verify'], expect: /no SQLite database at/ },
  // Long-running ones: ready when the URL answers, then stopped with SIGINT.
  dev: { args: ['run', 'dev'], ready: 'http://127.0.0.1:1337/_health', ok: true },
  bench: { args: ['run', 'bench', '--', '--help'], expect: /Usage: npm run bench/, ok: true },
};
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : ['budget', 'backup', 'restore', 'audit:verify'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function runCase(name) {
  const c = CASES[name];
  if (!c) throw new Error(`unknown command ${name} (one of ${Object.keys(CASES).join(', ')})`);
  const dir = mkdtempSync(join(tmpdir(), `first-${name.replace(':', '-')}-`));
  const t0 = Date.now();
  try {
    spawnSync('git', ['clone', '-q', ROOT, dir], { stdio: 'inherit' });
    const child = spawn('npm', c.args, {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: 'true' },
    });
    let out = '';
    for (const s of [child.stdout, child.stderr]) s.on('data', (d) => (out += d));
    const done = new Promise((res) => child.on('exit', (code, signal) => res({ code, signal })));
    let result;
    if (c.ready) {
      const deadline = Date.now() + 600_000;
      let up = false;
      while (!up && Date.now() < deadline) {
        const finished = await Promise.race([done, sleep(1000).then(() => null)]);
        if (finished) {
          result = finished;
          break;
        }
        up = await fetch(c.ready, { signal: AbortSignal.timeout(2000) }).then(
          (r) => r.status < 500,
          () => false,
        );
      }
      try {
        process.kill(-child.pid, 'SIGINT');
      } catch {}
      const stopped = await Promise.race([done, sleep(30_000).then(() => null)]);
      if (!stopped)
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {}
      result = { up, stopped: !!stopped };
    } else {
      result = await done;
    }
    const problems = [];
    if (/ERR_MODULE_NOT_FOUND|Cannot find (package|module)/.test(out)) problems.push('a module was loaded before the install');
    if (/\n\s+at .+:\d+:\d+\)?\n/.test(out)) problems.push('printed a stack trace');
    if (c.ready) {
      if (!result.up) problems.push(`${c.ready} never answered`);
      if (!result.stopped) problems.push('SIGINT did not stop it');
    } else {
      if (c.ok ? result.code !== 0 : result.code === 0) problems.push(`exit ${result.code} (expected ${c.ok ? '0' : 'non-zero'})`);
      if (c.expect && !c.expect.test(out)) problems.push(`no line matching ${c.expect}`);
    }
    const secs = ((Date.now() - t0) / 1000).toFixed(0);
    const last = out.trim().split('\n').at(-1);
    console.log(
      `[first-commands] npm ${c.args.join(' ')}: ${problems.length ? `FAILED (${problems.join('; ')})` : 'ok'} in ${secs} s — last line: ${last}`,
    );
    if (problems.length) console.log(out.slice(-4000));
    return problems.length === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let ok = true;
for (const name of wanted) ok = (await runCase(name)) && ok;
process.exit(ok ? 0 : 1);
