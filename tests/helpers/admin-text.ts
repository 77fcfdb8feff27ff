// What a user reads in the admin UI, and the English it must not contain: the installed Strapi packages'
// own `en` catalogues (read from node_modules, so an upgrade that adds strings makes the test see them).
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..', '..');
const CMS = join(ROOT, 'apps', 'cms');

/** Packages whose admin strings the board can meet (siblings of @strapi/strapi in pnpm's layout). */
const PACKAGES = ['admin', 'content-manager', 'upload', 'i18n', 'content-releases', 'review-workflows', 'email'];

export interface Catalogue {
  /** Package name; its keys are registered with this prefix ("upload.") except for the admin's own. */
  pkg: string;
  prefix: string;
  en: Record<string, string>;
  vi: Record<string, string>;
}

function translationDir(pkgDir: string): string | undefined {
  const walk = (dir: string, depth: number): string | undefined => {
    if (depth > 5 || !existsSync(dir)) return undefined;
    if (dir.endsWith('translations') && existsSync(join(dir, 'en.json.mjs'))) return dir;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const found = walk(join(dir, e.name), depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return walk(join(pkgDir, 'dist'), 0);
}

const load = async (file: string): Promise<Record<string, string>> => {
  if (!existsSync(file)) return {};
  const mod = (await import(pathToFileURL(file).href)).default as Record<string, unknown>;
  return Object.fromEntries(Object.entries(mod).filter((e): e is [string, string] => typeof e[1] === 'string'));
};

/** Installed directory of each package of PACKAGES (and users-permissions). */
export function packageDirs(): [string, string][] {
  const strapiDir = dirname(realpathSync(join(CMS, 'node_modules', '@strapi', 'strapi')));
  const dirs: [string, string][] = PACKAGES.map((p) => [p, join(strapiDir, p)]);
  dirs.push(['users-permissions', realpathSync(join(CMS, 'node_modules', '@strapi', 'plugin-users-permissions'))]);
  return dirs;
}

/** The admin code of one installed package (its .mjs files under dist/admin, translations aside), as one string. */
export function adminCode(pkgDir: string): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'translations') walk(p);
      } else if (e.name.endsWith('.mjs')) parts.push(readFileSync(p, 'utf8'));
    }
  };
  if (existsSync(join(pkgDir, 'dist', 'admin'))) walk(join(pkgDir, 'dist', 'admin'));
  return parts.join('\n');
}

/** The installed Strapi packages' en and vi catalogues (keys without their plugin prefix). */
export async function catalogues(): Promise<Catalogue[]> {
  const out: Catalogue[] = [];
  for (const [pkg, dir] of packageDirs()) {
    const t = translationDir(dir);
    if (!t) throw new Error(`no translations found in ${dir}`);
    out.push({
      pkg,
      prefix: pkg === 'admin' ? '' : `${pkg}.`,
      en: await load(join(t, 'en.json.mjs')),
      vi: await load(join(t, 'vi.json.mjs')),
    });
  }
  return out;
}

/** Every English string of the installed Strapi admin catalogues. */
export async function englishCatalogue(): Promise<string[]> {
  const values = new Set<string>();
  for (const c of await catalogues()) for (const v of Object.values(c.en)) if (v.trim()) values.add(v.trim());
  return [...values];
}

/** Strips ICU arguments: "{number, plural, …} found" → /^.+ found$/ (only messages with English words left). */
function icuPattern(message: string): RegExp | null {
  let out = '';
  let depth = 0;
  for (const ch of message) {
    if (ch === '{') {
      if (depth === 0) out += '\u0000';
      depth++;
    } else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  out = out.replace(/<\/?\w+>/g, '');
  const literal = out.replace(/\u0000/g, ' ');
  if (!/[A-Za-z]{3,}/.test(literal)) return null;
  const escaped = out
    .trim()
    .split('\u0000')
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  return new RegExp(`^${escaped}$`);
}

export interface EnglishMatcher {
  exact: Set<string>;
  patterns: { message: string; re: RegExp }[];
}

export function englishMatcher(catalogue: string[], allow: string[]): EnglishMatcher {
  const allowed = new Set(allow);
  const exact = new Set<string>();
  const patterns: EnglishMatcher['patterns'] = [];
  for (const m of catalogue) {
    if (allowed.has(m)) continue;
    if (m.includes('{')) {
      const re = icuPattern(m);
      if (re) patterns.push({ message: m, re });
    } else exact.add(m.replace(/<\/?\w+>/g, ''));
  }
  return { exact, patterns };
}

/** The catalogue message a text is (exactly, or with its ICU arguments filled in), if any. */
export function englishMessage(m: EnglishMatcher, text: string): string | undefined {
  if (m.exact.has(text)) return text;
  return m.patterns.find((p) => p.re.test(text))?.message;
}

export interface SeenText {
  kind: 'text' | 'placeholder' | 'aria-label' | 'title' | 'document.title' | 'option';
  text: string;
}

/** Visible text nodes, placeholder / aria-label / title attributes of visible elements, and document.title. */
export async function visibleTexts(page: Page): Promise<SeenText[]> {
  return page.evaluate(() => {
    const out: { kind: string; text: string }[] = [{ kind: 'document.title', text: document.title }];
    const visible = (el: Element | null) =>
      !!el && (el as HTMLElement).checkVisibility?.({ checkOpacity: true, checkVisibilityCSS: true }) !== false;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
      const parent = n.parentElement;
      if (!text || !parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) continue;
      if (visible(parent)) out.push({ kind: parent.closest('[role="option"]') ? 'option' : 'text', text });
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
      if (!visible(el)) continue;
      for (const attr of ['placeholder', 'aria-label', 'title']) {
        const v = el.getAttribute(attr)?.replace(/\s+/g, ' ').trim();
        if (v) out.push({ kind: attr, text: v });
      }
    }
    return out;
  }) as Promise<SeenText[]>;
}

/** Raw codes of the enumerations in the content model (schema.json files of the CMS). */
export function enumerationCodes(): Set<string> {
  const codes = new Set<string>();
  const walk = (dir: string, any: boolean) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p, any);
      else if (any ? e.name.endsWith('.json') : e.name === 'schema.json') {
        const schema = JSON.parse(readFileSync(p, 'utf8'));
        for (const a of Object.values<{ type?: string; enum?: string[] }>(schema.attributes ?? {}))
          if (a?.type === 'enumeration') for (const v of a.enum ?? []) codes.add(v);
      }
    }
  };
  walk(join(CMS, 'src', 'api'), false);
  walk(join(CMS, 'src', 'components'), true);
  return codes;
}
