// <lastmod> in the sitemap for every page that states when it was modified (its Dublin Core
// `dcterms:modified`, src/lib/dublin-core.ts), so harvesters (the Government Portal, other portals) can
// fetch only what changed (issue 30). Runs after @astrojs/sitemap wrote its files; pages that state no
// modification time (lists, forms) get none. One read of each listed page.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MODIFIED = /"dcterms:modified":\{"@value":"([^"]+)"/;

/** '<origin>/a/b/' → 'a/b/index.html' (build.format 'directory'). */
const fileOf = (loc) => {
  const path = decodeURI(new URL(loc).pathname).replace(/^\/+/, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
};

/** The sitemap XML with <lastmod> added after each <loc> whose page states its modification time. */
export function addLastmod(xml, modifiedOf) {
  return xml.replace(/<url><loc>([^<]+)<\/loc>(?!<lastmod>)/g, (whole, loc) => {
    const at = modifiedOf(loc.replace(/&amp;/g, '&'));
    return at ? `<url><loc>${loc}</loc><lastmod>${at}</lastmod>` : whole;
  });
}

/** @returns {import('astro').AstroIntegration} */
export default function sitemapLastmod() {
  return {
    name: 'portal:sitemap-lastmod',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const modifiedOf = (loc) => {
          const file = join(out, fileOf(loc));
          if (!existsSync(file)) return null;
          return MODIFIED.exec(readFileSync(file, 'utf8'))?.[1] ?? null;
        };
        let count = 0;
        for (const name of readdirSync(out).filter((n) => /^sitemap-\d+\.xml$/.test(n))) {
          const xml = readFileSync(join(out, name), 'utf8');
          const next = addLastmod(xml, (loc) => {
            const at = modifiedOf(loc);
            if (at) count++;
            return at;
          });
          if (next !== xml) writeFileSync(join(out, name), next);
        }
        logger.info(`lastmod for ${count} sitemap entries`);
      },
    },
  };
}
