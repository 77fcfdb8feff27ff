// Gates a release before it goes live: a broken or leaking build must never replace a good site.
import { readdir, readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { extname, join } from 'node:path';

export interface CheckOptions {
  minPages: number;
  allowShrink: boolean;
  /** Page count of the live release; null when nothing is live yet. */
  livePageCount: number | null;
  markers: string[];
  /** Secrets that must never appear in output; reported without echoing them. */
  secrets?: string[];
}

export interface CheckResult {
  ok: boolean;
  pageCount: number;
  scannedFiles: number;
  problems: string[];
}

// Text formats a build can leak data into. JS/CSS are generated from code, not content, but are
// scanned too because islands can inline data.
const TEXT_EXT = new Set(['.html', '.htm', '.xml', '.rss', '.atom', '.ics', '.json', '.txt', '.csv', '.webmanifest', '.js', '.mjs', '.svg']);
// Pagefind stores page text in gzip-compressed fragments; decompress to scan what search would reveal.
const GZIP_EXT = new Set(['.pf_fragment', '.pf_meta', '.pf_index']);

/**
 * Markers that can only appear when private CMS data reached the build. Kept deliberately narrow
 * (exact JSON spellings of a secret classification) so ordinary Vietnamese text never trips them.
 */
export const BUILTIN_MARKERS = ['"classification":"mat"', '"classification":"toi_mat"', '"classification":"tuyet_mat"'];

export function leakMarkers(configured: string[]): string[] {
  return [...new Set([...BUILTIN_MARKERS, ...configured])];
}

export async function runChecks(dir: string, opts: CheckOptions): Promise<CheckResult> {
  const problems: string[] = [];
  let pageCount = 0;
  let scannedFiles = 0;
  let hasIndex = false;
  const needles = [
    ...opts.markers.filter(Boolean).map((m) => ({ m: JSON.stringify(m), buf: Buffer.from(m, 'utf8') })),
    // Short values are too likely to occur by chance; real tokens are long.
    ...(opts.secrets ?? []).filter((v) => v.length >= 16).map((v) => ({ m: '(a publisher secret)', buf: Buffer.from(v, 'utf8') })),
  ];
  const leaks = new Map<string, string[]>();

  const walk = async (rel: string): Promise<void> => {
    for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        await walk(relPath);
        continue;
      }
      if (!e.isFile()) continue;
      const ext = extname(e.name).toLowerCase();
      if (ext === '.html' || ext === '.htm') pageCount++;
      if (relPath === 'index.html') hasIndex = true;
      if (!needles.length) continue;
      let data: Buffer | null = null;
      if (TEXT_EXT.has(ext)) data = await readFile(join(dir, relPath));
      else if (GZIP_EXT.has(ext)) {
        try {
          data = gunzipSync(await readFile(join(dir, relPath)));
        } catch {
          data = null; // not gzip (format change): nothing readable to scan
        }
      }
      if (!data) continue;
      scannedFiles++;
      for (const { m, buf } of needles) {
        if (data.includes(buf)) {
          const files = leaks.get(m) ?? [];
          files.push(relPath);
          leaks.set(m, files);
        }
      }
    }
  };
  await walk('');

  if (!hasIndex) problems.push('index.html is missing from the build output');
  if (pageCount < opts.minPages) problems.push(`only ${pageCount} HTML pages (PUBLISHER_MIN_PAGES is ${opts.minPages})`);
  if (!opts.allowShrink && opts.livePageCount && pageCount < opts.livePageCount * 0.5) {
    problems.push(
      `page count dropped from ${opts.livePageCount} to ${pageCount} (more than half); set PUBLISHER_ALLOW_SHRINK=1 if intended`,
    );
  }
  for (const [m, files] of leaks) {
    problems.push(`forbidden marker ${m} found in ${files.length} file(s): ${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}`);
  }
  return { ok: problems.length === 0, pageCount, scannedFiles, problems };
}
