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
const TEXT_EXT = new Set([
  '.html',
  '.htm',
  '.xml',
  '.rss',
  '.atom',
  '.ics',
  '.json',
  '.jsonld',
  '.txt',
  '.csv',
  '.webmanifest',
  '.js',
  '.mjs',
  '.svg',
]);
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

/** Scans file contents for forbidden markers and counts pages; fed file by file (by the staging copy or a walk). */
export class ReleaseScanner {
  pageCount = 0;
  scannedFiles = 0;
  hasIndex = false;
  readonly leaks = new Map<string, string[]>();
  readonly #needles: { m: string; buf: Buffer }[];

  constructor(opts: Pick<CheckOptions, 'markers' | 'secrets'>) {
    this.#needles = [
      ...opts.markers.filter(Boolean).map((m) => ({ m: JSON.stringify(m), buf: Buffer.from(m, 'utf8') })),
      // Short values are too likely to occur by chance; real tokens are long.
      ...(opts.secrets ?? []).filter((v) => v.length >= 16).map((v) => ({ m: '(a publisher secret)', buf: Buffer.from(v, 'utf8') })),
    ];
  }

  /** Whether the scanner needs this file's bytes (text or Pagefind data). */
  wants(relPath: string): boolean {
    const ext = extname(relPath).toLowerCase();
    return this.#needles.length > 0 && (TEXT_EXT.has(ext) || GZIP_EXT.has(ext));
  }

  /** Records one file; `read` supplies its bytes when the scanner wants them. */
  async add(relPath: string, read: () => Promise<Buffer>): Promise<void> {
    const ext = extname(relPath).toLowerCase();
    if (ext === '.html' || ext === '.htm') this.pageCount++;
    if (relPath === 'index.html') this.hasIndex = true;
    if (!this.wants(relPath)) return;
    let data: Buffer | null = await read();
    if (GZIP_EXT.has(ext)) {
      try {
        data = gunzipSync(data);
      } catch {
        data = null; // not gzip (format change): nothing readable to scan
      }
    }
    if (!data) return;
    this.scannedFiles++;
    for (const { m, buf } of this.#needles) {
      if (data.includes(buf)) {
        const files = this.leaks.get(m) ?? [];
        files.push(relPath);
        this.leaks.set(m, files);
      }
    }
  }

  result(opts: Pick<CheckOptions, 'minPages' | 'allowShrink' | 'livePageCount'>): CheckResult {
    const problems: string[] = [];
    if (!this.hasIndex) problems.push('index.html is missing from the build output');
    if (this.pageCount < opts.minPages) problems.push(`only ${this.pageCount} HTML pages (PUBLISHER_MIN_PAGES is ${opts.minPages})`);
    if (!opts.allowShrink && opts.livePageCount && this.pageCount < opts.livePageCount * 0.5) {
      problems.push(
        `page count dropped from ${opts.livePageCount} to ${this.pageCount} (more than half); set PUBLISHER_ALLOW_SHRINK=1 if intended`,
      );
    }
    for (const [m, files] of this.leaks) {
      problems.push(
        `forbidden marker ${m} found in ${files.length} file(s): ${files.slice(0, 5).join(', ')}${files.length > 5 ? ', …' : ''}`,
      );
    }
    return { ok: problems.length === 0, pageCount: this.pageCount, scannedFiles: this.scannedFiles, problems };
  }
}

/** Walks a folder and checks it (used where no staging copy reads the files anyway). */
export async function runChecks(dir: string, opts: CheckOptions): Promise<CheckResult> {
  const scanner = new ReleaseScanner(opts);
  const walk = async (rel: string): Promise<void> => {
    for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(relPath);
      else if (e.isFile()) await scanner.add(relPath, () => readFile(join(dir, relPath)));
    }
  };
  await walk('');
  return scanner.result(opts);
}
