// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import pruneStale from './src/integrations/prune-stale.mjs';
import fastManifest from './src/integrations/fast-manifest.mjs';
import imageService from './src/integrations/image-service.mjs';
import sitemapLastmod from './src/integrations/sitemap-lastmod.mjs';
import { currentBuild } from './src/lib/build-request.ts';

// This build's request from the publisher (src/lib/build-request.ts); a plain full build without one.
const request = currentBuild();
// The quick lane (src/lib/build-mode.ts): only changed pages, into an empty folder.
const FAST = request.mode === 'fast';

const SITE_URL = (process.env.SITE_URL || 'http://localhost:4321').replace(/\/+$/, '');
const CMS_URL = process.env.CMS_URL || 'http://127.0.0.1:1337';
const CMS_PUBLIC_URL = process.env.CMS_PUBLIC_URL || CMS_URL;

/** Remote media allowed for astro:assets: the CMS (internal and public addresses). */
/** @param {string} url */
function remotePattern(url) {
  const u = new URL(url);
  return { protocol: u.protocol.replace(':', ''), hostname: u.hostname, ...(u.port ? { port: u.port } : {}) };
}
const mediaOrigins = [...new Set([CMS_URL, CMS_PUBLIC_URL, process.env.CMS_MEDIA_URL || CMS_PUBLIC_URL])];

/** Pages that must not be listed in the sitemap. */
const NOT_IN_SITEMAP = ['/tim-kiem/', '/hoi-dap/cam-on/', '/404/'];

export default defineConfig({
  site: SITE_URL,
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Astro's cache (incremental build manifest, content data store, page copies) lives here: each
  // publisher lane (and test) keeps its own.
  ...(request.cacheDir ? { cacheDir: request.cacheDir } : {}),
  ...(request.outDir ? { outDir: request.outDir } : {}),
  image: {
    remotePatterns: mediaOrigins.map(remotePattern),
  },
  integrations: FAST
    ? [imageService(), fastManifest(request)]
    : [
        imageService(),
        pruneStale(),
        sitemap({
          filter: (page) =>
            !NOT_IN_SITEMAP.some((p) => new URL(page).pathname === p || new URL(page).pathname.startsWith('/hoi-dap/chua-gui-duoc/')),
        }),
        // After the sitemap: each content page's own modification time as <lastmod>.
        sitemapLastmod(),
      ],
  prefetch: false,
  devToolbar: { enabled: false },
  experimental: {
    // Pages return `cacheKey` from getStaticPaths; unchanged pages are not rendered again.
    // The same in fast builds: Astro clears a content store built under a different config, and the
    // quick lane starts from the full build's store.
    incrementalBuild: true,
  },
  vite: {
    // With incremental builds Astro would otherwise empty dist/ and copy every cached page back.
    // Files of deleted pages would stay in dist/: src/integrations/prune-stale.mjs removes them.
    build: { emptyOutDir: false },
  },
});
