// `npm run format`: Biome writes the project's formatting over the whole tree (`npm run lint` checks it).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { NODE, ROOT } from './lib/paths.ts';

const r = spawnSync(NODE, [join(ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome'), 'format', '--write', '.'], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
