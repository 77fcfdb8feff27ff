/**
 * What the site reads of each content type, and how a raw REST entry becomes a store entry: generated
 * from the CMS schemas (packages/content, scripts/generate-model.ts). Shared by every sync strategy
 * (src/lib/cms-loader.ts, src/lib/snapshot-source.ts).
 *
 * Entries are projected onto the public attributes (private attributes never arrive from the API; the
 * projection guarantees the site cannot render one even if it did), and relations are stored as
 * documentIds (`field: "abc"`, `replaces: ["x", "y"]`): pages resolve them against the other
 * collections, so a renamed field shows up everywhere.
 */
import {
  MODELS,
  PROJECTIONS,
  type PageModel,
  type PopulateObject,
  safeUrl,
  URL_FIELDS,
  type ModelName,
  type UrlRule,
} from '@cong-ttdt/content';
import { articleUrl, documentUrl, pageUrl, procedureUrl, questionUrl } from './urls';

type Rel = 'one' | 'many';
/** `{ url }`: a URL attribute, kept only when it passes the portal's URL rule (else null). */
type Projection = Record<string, true | 'media' | 'media[]' | string[] | { list: string[] } | { url: UrlRule }>;

export interface TypeSpec {
  model: ModelName;
  /** REST plural (or singular for a single type). */
  plural: string;
  single?: boolean;
  /** Scalar attributes (true), media, components (list of sub-attributes; `{list}` for repeatable). */
  attrs: Projection;
  relations?: Record<string, Rel>;
}

// updatedAt: Strapi's replace keeps a file's URL and writes new bytes; pages and image URLs must change.
const MEDIA_ATTRS = ['name', 'alternativeText', 'width', 'height', 'ext', 'mime', 'size', 'url', 'updatedAt'];

/** The site's collections and the content type each one loads (content.config.ts names them). */
export const COLLECTIONS = {
  articles: 'article',
  documents: 'document',
  units: 'unit',
  contacts: 'contact',
  boards: 'board',
  schedules: 'schedule',
  procedures: 'procedure',
  questions: 'question',
  pages: 'page',
  links: 'link',
  fields: 'field',
  settings: 'site-setting',
} as const satisfies Record<string, ModelName>;

/** URL attributes keep only values that pass the portal's URL rule (URL_FIELDS, shared with the CMS's save check). */
function withUrlRules(uid: string, attrs: Projection): Projection {
  const out: Projection = { ...attrs };
  for (const [name, rule] of Object.entries(URL_FIELDS[uid] ?? {})) out[name] = { url: rule };
  return out;
}

/** What each collection reads: generated from the CMS schemas (packages/content, scripts/generate-model.ts). */
export const SPECS: Record<keyof typeof COLLECTIONS, TypeSpec> = Object.fromEntries(
  Object.entries(COLLECTIONS).map(([collection, model]) => {
    const m = MODELS[model];
    const p = PROJECTIONS[model];
    // A single type's REST path is its singular name.
    const spec: TypeSpec = {
      model,
      plural: m.single ? model : m.plural,
      attrs: withUrlRules(m.uid, p.attrs as Projection),
      relations: p.relations as Record<string, Rel>,
    };
    if (m.single) spec.single = true;
    return [collection, spec];
  }),
) as Record<keyof typeof COLLECTIONS, TypeSpec>;

export type Raw = Record<string, unknown>;

function pick(obj: unknown, keys: string[]): Raw | null {
  if (!obj || typeof obj !== 'object') return null;
  const out: Raw = {};
  for (const k of keys) {
    const v = (obj as Raw)[k];
    out[k] = v === undefined ? null : v;
  }
  return out;
}

function refId(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && typeof (v as Raw).documentId === 'string') return (v as Raw).documentId as string;
  return null;
}

/** Relation values (populated objects or documentIds) → documentIds. */
export function relationIds(raw: Raw, relations: Record<string, Rel>): Raw {
  const out: Raw = {};
  for (const [name, kind] of Object.entries(relations)) {
    const v = raw[name];
    if (kind === 'one') out[name] = refId(Array.isArray(v) ? v[0] : v);
    else out[name] = (Array.isArray(v) ? v : v == null ? [] : [v]).map(refId).filter((x): x is string => !!x);
  }
  return out;
}

/** Public projection of one raw REST entry (relations excluded). */
export function project(raw: Raw, spec: TypeSpec): Raw {
  const out: Raw = { documentId: raw.documentId ?? null, updatedAt: raw.updatedAt ?? null, publishedAt: raw.publishedAt ?? null };
  for (const [name, how] of Object.entries(spec.attrs)) {
    const v = raw[name];
    if (how === true) out[name] = v === undefined ? null : v;
    else if (how === 'media') out[name] = pick(v, MEDIA_ATTRS);
    else if (how === 'media[]') out[name] = Array.isArray(v) ? v.map((m) => pick(m, MEDIA_ATTRS)) : [];
    else if (Array.isArray(how)) out[name] = pick(v, how);
    else if ('url' in how) out[name] = safeUrl(typeof v === 'string' ? v.normalize('NFC') : v, how.url);
    else out[name] = Array.isArray(v) ? v.map((c) => pick(c, how.list)) : [];
  }
  return nfc(out) as Raw;
}

/** Vietnamese text pasted from other tools may be decomposed (NFD): store NFC. */
function nfc(v: unknown): unknown {
  if (typeof v === 'string') return v.normalize('NFC');
  if (Array.isArray(v)) return v.map(nfc);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nfc(x)]));
  return v;
}

export function populateFor(spec: TypeSpec): Record<string, true> | undefined {
  const names = Object.entries(spec.attrs)
    .filter(([, how]) => how !== true && !(typeof how === 'object' && 'url' in how))
    .map(([n]) => n);
  return names.length ? Object.fromEntries(names.map((n) => [n, true])) : undefined;
}

/** Top-level media attributes of a type. */
const mediaAttrs = (spec: TypeSpec) => Object.keys(spec.attrs).filter((n) => spec.attrs[n] === 'media' || spec.attrs[n] === 'media[]');

/**
 * The list pass: relations as documentIds, and media with their public attributes. A file replaced,
 * deleted or re-described in the media library does not touch the entries that use it (same
 * updatedAt), so their media are refreshed on every build like relations.
 */
export function relationPopulate(spec: TypeSpec): Record<string, PopulateObject> | undefined {
  const rels = Object.keys(spec.relations ?? {});
  const media = mediaAttrs(spec);
  if (!rels.length && !media.length) return undefined;
  return {
    ...Object.fromEntries(rels.map((r) => [r, { fields: ['documentId'] }])),
    ...Object.fromEntries(media.map((m) => [m, { fields: MEDIA_ATTRS }])),
  };
}

/** Media attributes of a list-pass row, projected as in `project`. */
export function liveMedia(raw: Raw, spec: TypeSpec): Raw {
  const out: Raw = {};
  for (const name of mediaAttrs(spec)) {
    const v = raw[name];
    out[name] = spec.attrs[name] === 'media' ? pick(v, MEDIA_ATTRS) : Array.isArray(v) ? v.map((m) => pick(m, MEDIA_ATTRS)) : [];
  }
  return nfc(out) as Raw;
}

/** Public path of an entry's own page (the models with a page: PAGE_MODELS in packages/content). */
const DETAIL_URL: Record<PageModel, (slug: string) => string> = {
  article: articleUrl,
  document: documentUrl,
  procedure: procedureUrl,
  question: questionUrl,
  page: pageUrl,
};

/** The public path of an entry's own page, or null when its type has none (or it has no slug). */
export function detailPath(spec: TypeSpec, slug: unknown): string | null {
  const url = (DETAIL_URL as Partial<Record<ModelName, (slug: string) => string>>)[spec.model];
  return url && typeof slug === 'string' && slug ? url(slug) : null;
}

export const hasPages = (spec: TypeSpec): boolean => spec.model in DETAIL_URL;
