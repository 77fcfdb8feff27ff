#!/usr/bin/env node
// Entry point of every README command (`npm start`, `npm test`, …): runs on the system Node (even 18/20),
// obtains Node 24 and pnpm from the npm registry into .tools/ when the system Node is too old, runs
// scripts/prepare.ts (install, builds; Node built-ins only) and only then scripts/<command>.ts, so a
// command may import installed packages at module load. Both run on that Node (type stripping).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const TOOLS = join(ROOT, '.tools');
const NODE_VERSION = '24.21.0'; // Node 24 LTS; keep in step with .node-version
const PNPM_VERSION = '10.34.9'; // keep in step with package.json "packageManager"
const MIN_NODE = [22, 12];
const COMMANDS = ['start', 'test', 'dev', 'bench', 'budget', 'backup', 'restore', 'audit-verify', 'lint', 'format', 'generate'];

function log(msg) {
  process.stderr.write(`[bootstrap] ${msg}\n`);
}

function versionOk(v) {
  const [maj, min] = v.split('.').map(Number);
  return maj > MIN_NODE[0] || (maj === MIN_NODE[0] && min >= MIN_NODE[1]);
}

function npm(args, cwd) {
  const npmCmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npmCmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    log(`"npm ${args.join(' ')}" failed (exit ${r.status}). Check access to the npm registry.`);
    process.exit(1);
  }
}

/** Returns { bin, nodedir } for a Node that satisfies MIN_NODE. */
function ensureNode() {
  if (versionOk(process.versions.node) && process.env.PORTAL_FORCE_TOOLS_NODE !== '1') {
    return { bin: process.execPath, nodedir: dirname(dirname(process.execPath)) };
  }
  const arch = { x64: 'x64', arm64: 'arm64', ppc64: 'ppc64le', s390x: 's390x' }[process.arch];
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
  if (!arch || !os) {
    log(`No Node ${NODE_VERSION} package for ${process.platform}/${process.arch}; install Node >= 22.12 yourself.`);
    process.exit(1);
  }
  // The `node` package runs a preinstall script to pick this one; asking for it directly needs no script.
  const pkg = `node-${os}-${arch}`;
  const dir = join(TOOLS, 'node');
  const home = join(dir, 'node_modules', pkg);
  const bin = os === 'win' ? join(home, 'bin', 'node.exe') : join(home, 'bin', 'node');
  if (!existsSync(bin)) {
    log(`System Node ${process.versions.node} is older than ${MIN_NODE.join('.')}: fetching ${pkg}@${NODE_VERSION} from the npm registry…`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
    npm(['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `${pkg}@${NODE_VERSION}`], dir);
  }
  return { bin, nodedir: home };
}

function ensurePnpm() {
  const prefix = join(TOOLS, 'pnpm');
  const cli = join(prefix, 'lib', 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
  if (!existsSync(cli)) {
    log(`Fetching pnpm@${PNPM_VERSION} from the npm registry…`);
    mkdirSync(prefix, { recursive: true });
    npm(['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', `pnpm@${PNPM_VERSION}`], ROOT);
  }
  return { cli, binDir: join(prefix, 'bin') };
}

const [command = 'start', ...rest] = process.argv.slice(2);
if (!COMMANDS.includes(command)) {
  log(`Unknown command "${command}". Use one of: ${COMMANDS.join(', ')}.`);
  process.exit(2);
}

const node = ensureNode();
const pnpm = ensurePnpm();
const env = {
  ...process.env,
  PATH: [dirname(node.bin), pnpm.binDir, process.env.PATH].join(delimiter),
  npm_config_nodedir: node.nodedir, // node-gyp builds native addons against this Node's headers, offline
  PORTAL_NODE: node.bin,
  PORTAL_PNPM: pnpm.cli,
  TZ: process.env.TZ || 'Asia/Ho_Chi_Minh',
};
const nodeArgs = ['--disable-warning=ExperimentalWarning'];
const prepared = spawnSync(node.bin, [...nodeArgs, join(ROOT, 'scripts', 'prepare.ts'), command], { cwd: ROOT, env, stdio: 'inherit' });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);
const child = spawn(node.bin, [...nodeArgs, join(ROOT, 'scripts', `${command}.ts`), ...rest], {
  cwd: ROOT,
  env,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
