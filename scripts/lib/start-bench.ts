// `npm run bench -- --start`: how long the README's first command takes on this machine, as a user meets it.
// Three cases, each in a fresh clone of this checkout's HEAD: cold (an empty pnpm store: every package
// downloaded), warm (the machine's store already holds them) and unchanged (a second start of the warm
// clone). Time = from `npm start` to the "is running" line; each start is then stopped with SIGINT.
// Goals (docs/performance.md): cold ≤ 300 s, warm ≤ 90 s, unchanged ≤ 15 s. Not a test: it prints figures.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

export const START_GOALS_S = { cold: 300, warm: 90, unchanged: 15 } as const;

function timeStart(dir: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // The system npm, as a user types it; ports left at their defaults, so nothing else may hold them.
    const child = spawn('npm', ['start'], { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let ready: number | null = null;
    const onData = (d: Buffer) => {
      out += d;
      if (ready === null && out.includes('is running (ready in')) {
        ready = (performance.now() - t0) / 1000;
        process.kill(-child.pid!, 'SIGINT');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) =>
      ready !== null ? resolve(ready) : reject(new Error(`npm start exited (${code}) before it was ready:\n${out.slice(-3000)}`)),
    );
  });
}

export async function benchStart(runs: number, say: (s: string) => void): Promise<void> {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const figures: Record<keyof typeof START_GOALS_S, number[]> = { cold: [], warm: [], unchanged: [] };
  for (let i = 0; i < runs; i++) {
    for (const kind of ['cold', 'warm'] as const) {
      const dir = mkdtempSync(join(tmpdir(), `bench-start-${kind}-`));
      const store = kind === 'cold' ? mkdtempSync(join(tmpdir(), 'bench-store-')) : null;
      try {
        spawnSync('git', ['clone', '-q', ROOT, dir], { stdio: 'inherit' });
        const env = { ...process.env, PORTAL_NODE: '', PORTAL_PNPM: '', ...(store ? { npm_config_store_dir: store } : {}) };
        figures[kind].push(await timeStart(dir, env));
        if (kind === 'warm') figures.unchanged.push(await timeStart(dir, env));
      } finally {
        rmSync(dir, { recursive: true, force: true });
        if (store) rmSync(store, { recursive: true, force: true });
      }
      say(
        `start run ${i + 1} ${kind}: ${figures[kind].at(-1)!.toFixed(1)} s${kind === 'warm' ? `, unchanged ${figures.unchanged.at(-1)!.toFixed(1)} s` : ''}`,
      );
    }
  }
  say('\n| npm start | median s | runs (s) | goal s | median / goal |\n|---|---|---|---|---|');
  for (const [kind, xs] of Object.entries(figures) as [keyof typeof START_GOALS_S, number[]][]) {
    const m = median(xs);
    say(
      `| ${kind} | ${m.toFixed(1)} | ${xs.map((x) => x.toFixed(1)).join(', ')} | ${START_GOALS_S[kind]} | ${(m / START_GOALS_S[kind]).toFixed(2)} |`,
    );
  }
}
