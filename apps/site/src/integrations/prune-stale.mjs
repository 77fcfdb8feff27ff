// With incremental builds dist/ is not emptied, so pages of deleted or unpublished entries would stay
// and be published again. After each build, remove route outputs that this build did not produce, and
// the previous Pagefind index (it is rebuilt from scratch after the site build).
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// Only pages: endpoints (feeds, .ics, robots.txt) are produced again by every build.
const ROUTE_FILE = /\.html$/;
const KEEP = /^(_astro|pagefind)\/|^sitemap[^/]*\.xml$/;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** @returns {import('astro').AstroIntegration} */
export default function pruneStale() {
  let publicDir = '';
  return {
    name: 'portal:prune-stale',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:done': ({ pages, dir, logger }) => {
        const out = fileURLToPath(dir);
        const expected = new Set();
        for (const { pathname } of pages) {
          const p = pathname.replace(/^\/+/, '');
          if (p === '' || p.endsWith('/')) expected.add(`${p}index.html`);
          else expected.add(p);
          if (p === '404/' || p === '404') expected.add('404.html');
        }
        let removed = 0;
        for (const file of walk(out)) {
          const rel = relative(out, file).split(sep).join('/');
          if (!ROUTE_FILE.test(rel) || KEEP.test(rel) || expected.has(rel)) continue;
          if (existsSync(join(publicDir, rel))) continue;
          rmSync(file);
          removed++;
        }
        rmSync(join(out, 'pagefind'), { recursive: true, force: true });
        if (removed) logger.info(`removed ${removed} stale page file(s) of deleted or unpublished entries`);
      },
    },
  };
}
