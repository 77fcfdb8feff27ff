// Fast builds render a handful of pages into an empty folder. The publisher needs to know which public
// paths they replace and which ones left the site: this writes the build request's BuildResult
// ({ rendered: ["/tin-tuc/bai/x/", …], removed: [...] }, packages/content) to its `manifest` after the build.
import { rmSync } from 'node:fs';
import { takeRemoved, writeBuildResult } from '../lib/build-request.ts';

/** @param {import('@cong-ttdt/content').BuildRequest} request @returns {import('astro').AstroIntegration} */
export default function fastManifest(request) {
  return {
    name: 'portal:fast-manifest',
    hooks: {
      'astro:config:setup': () => {
        // A result left by an earlier build must not be mistaken for this one's.
        if (request.manifest) rmSync(request.manifest, { force: true });
        takeRemoved();
      },
      'astro:build:done': ({ pages, logger }) => {
        const rendered = pages.map(({ pathname }) => `/${pathname.replace(/^\/+/, '')}`);
        const result = writeBuildResult(request, rendered, takeRemoved());
        logger.info(`fast build: ${result.rendered.length} page(s) rendered, ${result.removed.length} removed`);
      },
    },
  };
}
