#!/usr/bin/env node
// CI's check of the README's first command, on a clean clone: `npm start` in the background, then within
// a time limit the admin answers, a demo account signs in over HTTP, the public home page shows the demo
// content and the publisher's first build is live; then SIGINT must stop every child and free every port.
// Node built-ins only (runs on the system Node before anything is installed). Exit 0 when all hold.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = process.cwd();
const LIMIT_MS = Number(process.env.FIRST_START_LIMIT_S || 900) * 1000;
const PORTS = { cms: 1337, site: 4321, publisher: 4322 };
const t0 = Date.now();
const since = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
const say = (m) => console.log(`[first-start] ${m} (${since()})`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const child = spawn('npm', ['start'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
let output = '';
for (const s of [child.stdout, child.stderr])
  s.on('data', (d) => {
    output += d;
    process.stdout.write(d);
  });
let exited = null;
child.on('exit', (code, signal) => (exited = { code, signal }));

async function until(what, probe) {
  while (Date.now() - t0 < LIMIT_MS) {
    if (exited) throw new Error(`npm start exited (${exited.signal ?? `code ${exited.code}`}) before ${what}`);
    try {
      const v = await probe();
      if (v) {
        say(`ok: ${what}`);
        return v;
      }
    } catch {}
    await sleep(1000);
  }
  throw new Error(`${what}: not within ${LIMIT_MS / 1000} s`);
}

const get = (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
const portFree = (port) =>
  new Promise((res) => {
    const s = createServer();
    s.once('error', () => res(false));
    s.listen(port, '127.0.0.1', () => s.close(() => res(true)));
  });
function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
/** Processes still working in this checkout (services run in process groups of their own). */
function ancestors() {
  const out = new Set();
  for (let pid = process.pid; pid > 1; ) {
    out.add(pid);
    try {
      pid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
    } catch {
      break;
    }
  }
  return out;
}
function leftInCheckout() {
  const out = [];
  const mine = ancestors(); // the shell that runs this check may stand in the checkout too
  for (const pid of existsSync('/proc') ? readdirSync('/proc').filter((n) => /^\d+$/.test(n)) : []) {
    if (mine.has(Number(pid))) continue;
    try {
      if (readlinkSync(`/proc/${pid}/cwd`).startsWith(ROOT))
        out.push(`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').slice(0, 80)}`);
    } catch {}
  }
  return out;
}

let failure = null;
try {
  await until('admin UI answers', async () => (await get(`http://127.0.0.1:${PORTS.cms}/admin`)).status === 200);
  const accountsFile = join(ROOT, '.data', 'demo-accounts.json');
  await until('demo accounts written', async () => existsSync(accountsFile));
  const accounts = JSON.parse(readFileSync(accountsFile, 'utf8'));
  const chief = accounts.find((a) => a.role === 'editor-in-chief') ?? accounts[0];
  await until(`demo account ${chief.email} signs in`, async () => {
    const r = await get(`http://127.0.0.1:${PORTS.cms}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: chief.email, password: chief.password }),
    });
    return r.status === 200 && typeof (await r.json())?.data?.token === 'string';
  });
  await until(
    'publisher has a live release',
    async () => (await (await get(`http://127.0.0.1:${PORTS.publisher}/status`)).json())?.live?.id,
  );
  await until('home page shows the demo content', async () => {
    const r = await get(`http://127.0.0.1:${PORTS.site}/`);
    const html = await r.text();
    return r.status === 200 && html.normalize('NFC').includes('Hòa Bình') && /<article|tin-tuc\/bai\//.test(html);
  });
} catch (err) {
  failure = err;
}

// SIGINT, as Ctrl-C sends it to the foreground group: every child must go and every port be freed.
try {
  process.kill(-child.pid, 'SIGINT');
} catch {}
const stopBy = Date.now() + 30_000;
while ((!exited || groupAlive(child.pid)) && Date.now() < stopBy) await sleep(250);
const leftover = groupAlive(child.pid);
if (leftover)
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {}
const stray = leftInCheckout();
const busy = [];
for (const [name, port] of Object.entries(PORTS)) if (!(await portFree(port))) busy.push(`${name} :${port}`);
say(
  `stopped: npm start ${exited ? `exited (${exited.signal ?? exited.code})` : 'still running'}; process group ${leftover ? 'still had processes (killed)' : 'empty'}; ports ${busy.length ? `still taken: ${busy.join(', ')}` : 'free'}${stray.length ? `; left running: ${stray.join('; ')}` : ''}`,
);

if (failure || leftover || busy.length || stray.length || !exited) {
  console.log(`[first-start] FAILED: ${failure?.message ?? 'SIGINT did not stop everything'}`);
  process.exit(1);
}
say(`npm start works as the first command (ready and stopped cleanly)`);
