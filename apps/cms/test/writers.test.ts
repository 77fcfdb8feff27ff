// The writer inventory (issue 17): every file that writes content through Strapi's query engine or
// Document Service is listed here with who it writes for, and every named system writer with the
// places that enter it. A new writing file, a new writer, or a new entry point fails until it is listed.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYSTEM_WRITERS } from '../src/plugins/editorial/server/src/writers.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CMS = join(ROOT, 'apps', 'cms');

type Who = 'request' | 'startup' | keyof typeof SYSTEM_WRITERS;

/** Files that write, and for whom: "request" = only inside an admin or public request (guard, permissions). */
const WRITE_SITES: Record<string, readonly Who[]> = {
  'apps/cms/src/seed/index.ts': ['seed'],
  'apps/cms/src/seed/synthetic.ts': ['seed'],
  'apps/cms/src/seed/work-calendar.ts': ['seed'],
  'apps/cms/src/bootstrap/demo.ts': ['seed'],
  // Strapi's own tables at start (public role permissions): not content.
  'apps/cms/src/bootstrap/public-access.ts': ['startup'],
  // users-permissions' settings and the public role's register/connect actions, at every start.
  'apps/cms/src/bootstrap/registration.ts': ['startup'],
  // Demo items created by their demo author's account (issue 20).
  'apps/cms/src/plugins/editorial/server/src/services/seed.ts': ['seed'],
  'apps/cms/src/api/question/services/intake.ts': ['erasure', 'request'],
  'apps/cms/src/plugins/editorial/server/src/controllers/profiles.ts': ['request'],
  // Enrolment, codes used, reset, and the session marked as past the second step (issue 19).
  'apps/cms/src/plugins/editorial/server/src/services/second-factor.ts': ['request'],
  // Quarantine and the two-person purge (issue 17): admin requests only.
  'apps/cms/src/plugins/editorial/server/src/services/quarantine.ts': ['request'],
  'apps/cms/src/plugins/editorial/server/src/guard.ts': ['request', 'seed', 'question-intake', 'mail-intake'],
  'apps/cms/src/plugins/editorial/server/src/services/audit.ts': ['request', 'seed', 'scheduler', 'question-intake', 'mail-intake'],
  'apps/cms/src/plugins/editorial/server/src/services/workflow.ts': ['request', 'seed', 'scheduler', 'question-intake', 'mail-intake'],
  // Sites (issue 28): the demo's sites; the primary site made from the old settings at start; proposals in requests.
  'apps/cms/src/seed/sites.ts': ['seed'],
  'apps/cms/src/plugins/editorial/server/src/site-scope.ts': ['sites'],
  'apps/cms/src/plugins/editorial/server/src/services/proposals.ts': ['request'],
};

/** Where each system writer is entered (runAs / the system service's run / asSystem in the app). */
const ENTRY_POINTS: Record<keyof typeof SYSTEM_WRITERS, readonly string[]> = {
  seed: ['apps/cms/src/index.ts'],
  scheduler: ['apps/cms/src/plugins/editorial/server/src/bootstrap.ts'],
  'question-intake': ['apps/cms/src/plugins/editorial/server/src/services/workflow.ts'],
  'account-audit': ['apps/cms/src/plugins/editorial/server/src/account-audit.ts'],
  // The mail timer (bootstrap.ts) calls the intake's poll, which enters the writer itself.
  'mail-intake': ['apps/cms/src/plugins/editorial/server/src/services/mail-intake.ts'],
  erasure: ['apps/cms/src/index.ts', 'apps/cms/scripts/erase-asker.mjs'],
  sites: ['apps/cms/src/plugins/editorial/server/src/bootstrap.ts'],
};

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (['node_modules', 'dist', 'admin', '.strapi', 'build'].includes(name)) continue;
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const files = [...sources(join(CMS, 'src')), ...sources(join(CMS, 'scripts')), ...sources(join(CMS, 'config'))].map((f) => ({
  path: relative(ROOT, f),
  // Comments out, so a mention in prose is not a write.
  text: readFileSync(f, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, ''),
}));

// A write call on the query engine or the Document Service, possibly spread over lines (up to the statement's end),
// directly or through the plugin's typed seams (seams.ts: `query<Row>(strapi, uid)`, `documents(strapi, uid)`).
const WRITE =
  /(\.documents\(|\bdb\s*\.query\(|\bdb\(\)|\bdocs\(|\b(query|documents)\b[^(;]*\(strapi\b)[^;]*?\.(create|createMany|update|updateMany|delete|deleteMany|publish|unpublish|clone|discardDraft)\(/s;
const ENTRY = /(?:runAs\(|\.run\(|asSystem\(strapi,\s*)'([a-z-]+)'/g;

describe('writer inventory', () => {
  it('sees writes through the plugin seams as it sees direct ones', () => {
    expect(WRITE.test('await query<ReviewState>(strapi, STATE).update({ where: { id }, data });')).toBe(true);
    expect(WRITE.test('documents(strapi, input.uid).publish({ documentId });')).toBe(true);
    expect(WRITE.test("await query<Pick<Row, 'a' | 'b'>>(strapi, uid)\n  .deleteMany({ where: {} });")).toBe(true);
    // Reads are not writes.
    expect(WRITE.test('const rows = await query<Row>(strapi, uid).findMany({ where: { id } });')).toBe(false);
  });

  it('lists every file that writes content, with whom it writes for', () => {
    const writing = files.filter((f) => WRITE.test(f.text)).map((f) => f.path);
    expect(writing.sort()).toEqual(Object.keys(WRITE_SITES).sort());
  });

  it('names only declared writers, each entered where the inventory says', () => {
    const found: Record<string, string[]> = {};
    for (const f of files) {
      for (const m of f.text.matchAll(ENTRY)) {
        found[m[1]] ??= [];
        found[m[1]].push(f.path);
      }
    }
    const entries = Object.fromEntries(Object.entries(found).map(([w, paths]) => [w, [...new Set(paths)].sort()]));
    expect(entries).toEqual(Object.fromEntries(Object.entries(ENTRY_POINTS).map(([w, p]) => [w, [...p].sort()])));
    expect(Object.keys(SYSTEM_WRITERS).sort()).toEqual(Object.keys(ENTRY_POINTS).sort());
    for (const who of Object.values(WRITE_SITES).flat()) expect(['request', 'startup', ...Object.keys(SYSTEM_WRITERS)], who).toContain(who);
  });

  it('gives every writer a label for the audit log and something it may write', () => {
    for (const [name, w] of Object.entries(SYSTEM_WRITERS)) {
      expect(w.label.normalize('NFC'), name).toBe(w.label);
      expect(Object.keys(w.documents).length + w.tables.length + w.transitions.length, name).toBeGreaterThan(0);
    }
  });
});
