// Phase one of every README command, run by bootstrap.mjs before the command itself: install what is
// missing and, for the commands that run the portal, build what changed. Only Node built-ins may be
// imported from here (directly or through ./lib/build.ts): nothing is installed yet when this starts.
// tests/unit/bootstrap-imports.test.ts walks this module's imports and fails on anything else.
import { buildAll, ensureInstalled } from './lib/build.ts';

/** Commands that need the shared packages, the editorial plugin and the CMS built. */
export const BUILDS_FOR = new Set(['start', 'test', 'dev', 'bench']);

const command = process.argv[2] ?? 'start';
try {
  await ensureInstalled();
  if (BUILDS_FOR.has(command)) await buildAll();
} catch (err) {
  console.error(`[prepare] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
