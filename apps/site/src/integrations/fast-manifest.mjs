// Fast builds (PORTAL_BUILD_MODE=fast) render a handful of pages into an empty folder. The publisher
// needs to know which public paths they replace and which ones left the site: this writes
// PORTAL_FAST_MANIFEST = { rendered: ["/tin-tuc/bai/x/", …], removed: [...] } after the build.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** @returns {import('astro').AstroIntegration} */
export default function fastManifest(file) {
  return {
    name: 'portal:fast-manifest',
    hooks: {
      'astro:config:setup': () => {
        // A manifest left by an earlier build must not be mistaken for this one's.
        rmSync(file, { force: true });
        rmSync(`${file}.removed`, { force: true });
      },
      'astro:build:done': ({ pages, logger }) => {
        const rendered = pages.map(({ pathname }) => `/${pathname.replace(/^\/+/, '')}`);
        const removedFile = `${file}.removed`;
        const removed = existsSync(removedFile) ? [...new Set(readFileSync(removedFile, 'utf8').split('\n').filter(Boolean))] : [];
        // A path both removed and rendered (slug given back to another entry) stays.
        const keep = new Set(rendered);
        writeFileSync(file, JSON.stringify({ rendered, removed: removed.filter((p) => !keep.has(p)) }));
        logger.info(`fast build: ${rendered.length} page(s) rendered, ${removed.length} removed`);
      },
    },
  };
}
