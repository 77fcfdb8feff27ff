// Fault injection for the fault tests (apps/publisher/test/faults.e2e.test.ts): the one place where
// pauses, failures and crashes can be made to happen at named points of a build. Inactive unless
// PORTAL_FAULTS is set, and ignored when NODE_ENV=production. Read at every call, so a test can change it
// through its flag files while the publisher runs.
//
//   PORTAL_FAULTS="<point>:<action>[@<flag file>][,…]"
//   point:  build (before the site's build commands), stage (before each file is written into the
//           release), switch (inside the switch: the new link made, not yet renamed over `live`)
//   action: pause=<ms> · fail=<errno code, e.g. ENOSPC> · crash (SIGKILL of the publisher itself)
//   @file:  the fault applies only while that file exists (delete it to "free the disk")
import { existsSync } from 'node:fs';

export type FaultPoint = 'build' | 'stage' | 'switch';

interface Fault {
  point: FaultPoint;
  action: 'pause' | 'fail' | 'crash';
  arg: string;
  flag: string | null;
}

export function parseFaults(spec: string | undefined): Fault[] {
  if (!spec?.trim()) return [];
  return spec.split(',').map((raw) => {
    const m = /^(build|stage|switch):(pause|fail|crash)(?:=([^@]+))?(?:@(.+))?$/.exec(raw.trim());
    if (!m) throw new Error(`PORTAL_FAULTS: cannot read "${raw}" (point:action[=arg][@flag file])`);
    return { point: m[1] as FaultPoint, action: m[2] as Fault['action'], arg: m[3] ?? '', flag: m[4] ?? null };
  });
}

/** Runs the faults configured for `point`, if any; a no-op in production and when nothing is set. */
export async function fault(point: FaultPoint): Promise<void> {
  if (!process.env.PORTAL_FAULTS || process.env.NODE_ENV === 'production') return;
  for (const f of parseFaults(process.env.PORTAL_FAULTS)) {
    if (f.point !== point || (f.flag && !existsSync(f.flag))) continue;
    if (f.action === 'pause') await new Promise((r) => setTimeout(r, Number(f.arg) || 1000));
    else if (f.action === 'crash') process.kill(process.pid, 'SIGKILL');
    else {
      const code = f.arg || 'EIO';
      throw Object.assign(new Error(`${code}: injected fault at ${point} (PORTAL_FAULTS)`), { code });
    }
  }
}
