/**
 * The one contract between the publisher and the site (docs/design/publishing.md): what one build is
 * asked to do, and what the site answers. The publisher encodes a request (`encodeBuildRequest`), the
 * site decodes it (`parseBuildRequest`, from apps/site/src/lib/build-request.ts only); both validate here.
 */
import { MODELS, type ModelName } from './generated/model.js';

/** The one variable a build reads: the path of the request's JSON file. */
export const BUILD_REQUEST_ENV = 'PORTAL_BUILD_REQUEST';

/** One site per installation today; per-site builds (a province and its communes) name theirs. */
export const DEFAULT_SITE = 'main';

/** Newest articles a quick lane's seed keeps per list: the feeds show 50, list pages 20 (+1 for "page 2"). */
export const DEFAULT_SEED_WINDOW = 60;

/** Models whose entries have a page of their own: the quick lane can render a change of one alone. */
export const PAGE_MODELS = ['article', 'document', 'procedure', 'question', 'page'] as const satisfies readonly ModelName[];
export type PageModel = (typeof PAGE_MODELS)[number];

export function isPageModel(model: string): model is PageModel {
  return (PAGE_MODELS as readonly string[]).includes(model);
}

/**
 * The file of a full build's quick-lane seed (inside `seed.dir`) that maps each entry of a page model to
 * its public path: `{ [documentId]: '/tin-tuc/bai/x/' }`. The site writes it; the publisher reads it to
 * take a withdrawn entry's page out of the live release when no build can run (the CMS unreachable).
 */
export const seedPagesFile = (model: PageModel): string => `${model}.pages.json`;

export interface EntryRef {
  model: ModelName;
  documentId: string;
}

export interface BuildRequest {
  version: 1;
  /** Site slug. */
  site: string;
  /** `full`: every page (and, with `seed`, write the quick lane's seed); `fast`: only `changed` and first pages of lists. */
  mode: 'full' | 'fast';
  /** Fast: the entries to render (or to drop when the CMS no longer serves them). */
  changed: EntryRef[];
  /** Where Astro writes (null: the site's default). */
  outDir: string | null;
  /** Astro's cache for this lane (null: the site's default). */
  cacheDir: string | null;
  /** Full: where to write the quick lane's seed; fast: where the store starts from. */
  seed: { dir: string; window: number } | null;
  /** Fast: where the site writes its BuildResult. */
  manifest: string | null;
}

/** What a fast build answers (written as JSON to the request's `manifest`). */
export interface BuildResult {
  version: 1;
  site: string;
  /** Public paths rendered ('/tin-tuc/bai/x/'). */
  rendered: string[];
  /** Public paths of pages that left the site (withdrawn, deleted, slug changed), not rendered again. */
  removed: string[];
}

export class BuildRequestError extends Error {
  override name = 'BuildRequestError';
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const SITE_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;

function fail(what: string): never {
  throw new BuildRequestError(`invalid build request: ${what}`);
}

function optPath(o: Obj, key: string): string | null {
  const v = o[key];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string' || !v) fail(`${key} must be a non-empty path or null`);
  return v;
}

function stringList(v: unknown, key: string): string[] {
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) fail(`${key} must be a list of strings`);
  return v as string[];
}

/** A request with the defaults filled in (a plain full build when nothing is given). */
export function buildRequest(parts: Partial<Omit<BuildRequest, 'version'>> = {}): BuildRequest {
  return parseBuildRequest({
    version: 1,
    site: DEFAULT_SITE,
    mode: 'full',
    changed: [],
    outDir: null,
    cacheDir: null,
    seed: null,
    manifest: null,
    ...parts,
  });
}

/** Validates a decoded JSON value; throws a BuildRequestError naming the first bad field. */
export function parseBuildRequest(value: unknown): BuildRequest {
  if (!isObj(value)) fail('not a JSON object');
  if (value.version !== 1) fail(`unknown version ${JSON.stringify(value.version)} (this site reads version 1)`);
  const site = value.site;
  if (typeof site !== 'string' || !SITE_RE.test(site)) fail(`site must be a slug (a-z, 0-9, -), got ${JSON.stringify(site)}`);
  const mode = value.mode;
  if (mode !== 'full' && mode !== 'fast') fail(`mode must be "full" or "fast", got ${JSON.stringify(mode)}`);
  if (!Array.isArray(value.changed)) fail('changed must be a list');
  const changed = value.changed.map((c, i): EntryRef => {
    if (!isObj(c) || typeof c.model !== 'string' || !(c.model in MODELS)) fail(`changed[${i}].model must be a content model name`);
    if (typeof c.documentId !== 'string' || !c.documentId) fail(`changed[${i}].documentId must be a non-empty string`);
    return { model: c.model as ModelName, documentId: c.documentId };
  });
  let seed: BuildRequest['seed'] = null;
  if (value.seed !== null && value.seed !== undefined) {
    const s = value.seed;
    if (!isObj(s) || typeof s.dir !== 'string' || !s.dir) fail('seed.dir must be a non-empty path');
    if (!Number.isInteger(s.window) || (s.window as number) < 1) fail('seed.window must be a whole number ≥ 1');
    seed = { dir: s.dir, window: s.window as number };
  }
  const request: BuildRequest = {
    version: 1,
    site,
    mode,
    changed,
    outDir: optPath(value, 'outDir'),
    cacheDir: optPath(value, 'cacheDir'),
    seed,
    manifest: optPath(value, 'manifest'),
  };
  if (mode === 'fast' && !request.manifest) fail('a fast build needs a manifest path for its result');
  return request;
}

export function encodeBuildRequest(request: BuildRequest): string {
  return `${JSON.stringify(parseBuildRequest(request), null, 2)}\n`;
}

export function parseBuildResult(value: unknown): BuildResult {
  const bad = (what: string): never => {
    throw new BuildRequestError(`invalid build result: ${what}`);
  };
  if (!isObj(value)) bad('not a JSON object');
  const v = value as Obj;
  if (v.version !== 1) bad(`unknown version ${JSON.stringify(v.version)}`);
  if (typeof v.site !== 'string') bad('site missing');
  return { version: 1, site: v.site as string, rendered: stringList(v.rendered, 'rendered'), removed: stringList(v.removed, 'removed') };
}
