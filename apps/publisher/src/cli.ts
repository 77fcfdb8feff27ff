#!/usr/bin/env node
// Operator commands: build now, roll back, show status, or run the server.
import { runBuild } from './build.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger } from './log.ts';
import { liveInfo, main } from './main.ts';
import { listReleases, rollback } from './release.ts';
import { acquireLock, ensureDirs, readState } from './state.ts';

const USAGE = `Usage: node src/cli.ts <command>

Commands:
  build            Build the site now and switch it live if the checks pass (exit 1 on failure).
  rollback [id]    Point the live site at the previous release, or at release <id>.
  status           Show the live release, recent releases and the last error.
  serve            Run the publisher server (same as node src/main.ts).
`;

function fail(msg: string): never {
  process.stderr.write(`error: ${msg}\n`);
  process.exit(1);
}

async function run(argv: string[]): Promise<void> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
    process.stdout.write(USAGE);
    return;
  }
  if (cmd === 'serve') return main();

  let cfg: Config;
  try {
    cfg = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  await ensureDirs(cfg.dataDir);

  if (cmd === 'build') {
    const log = createLogger({ format: 'text', level: cfg.logLevel, write: (l) => process.stdout.write(l + '\n') });
    const ac = new AbortController();
    process.once('SIGINT', () => ac.abort());
    process.once('SIGTERM', () => ac.abort());
    const r = await runBuild(cfg, { reasons: ['cli build'], log, signal: ac.signal });
    if (!r.ok) fail(`build failed: ${r.error}${r.releaseId ? ` (log: ${cfg.dataDir}/logs/${r.releaseId}.log)` : ''}`);
    process.stdout.write(`live: ${r.release.id} (${r.release.pageCount} pages, ${r.copied} files copied, ${r.linked} linked)\n`);
    return;
  }

  if (cmd === 'rollback') {
    if (rest.length > 1) fail('rollback takes at most one release id.');
    let unlock: () => Promise<void>;
    try {
      unlock = await acquireLock(cfg.dataDir, 'rollback');
    } catch (e) {
      fail((e as Error).message);
    }
    try {
      const r = await rollback(cfg.dataDir, rest[0]);
      process.stdout.write(`live: ${r.to} (was ${r.from ?? 'none'})\n`);
      process.stdout.write('Automatic rebuilds on CMS revision changes are paused until the next webhook or rebuild.\n');
    } catch (e) {
      fail((e as Error).message);
    } finally {
      await unlock();
    }
    return;
  }

  if (cmd === 'status') {
    // Prefer the running server's view (queue state, CMS revision); fall back to the data dir.
    try {
      const res = await fetch(`http://${cfg.host === '0.0.0.0' ? '127.0.0.1' : cfg.host}:${cfg.port}/status`, {
        signal: AbortSignal.timeout(1500),
      });
      if (res.ok) {
        process.stdout.write(JSON.stringify({ server: 'running', ...((await res.json()) as object) }, null, 2) + '\n');
        return;
      }
    } catch {
      /* server not running */
    }
    const [state, live, releases] = await Promise.all([readState(cfg.dataDir), liveInfo(cfg.dataDir), listReleases(cfg.dataDir)]);
    const out = { server: 'not running', live, lastError: state.lastError, builds: state.builds, releases, rolledBack: state.rolledBack };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return;
  }

  process.stderr.write(`error: unknown command "${cmd}".\n\n${USAGE}`);
  process.exit(2);
}

await run(process.argv.slice(2));
