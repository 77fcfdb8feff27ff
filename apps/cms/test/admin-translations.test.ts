// The admin's own Vietnamese catalogue (apps/cms/src/admin/translations/vi.json) against the installed
// Strapi packages: every string of the screens the board reaches is Vietnamese, and no translation
// names an argument the English message does not pass.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminCode, catalogues, packageDirs } from '../../../tests/helpers/admin-text.ts';

const OURS: Record<string, string> = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'src', 'admin', 'translations', 'vi.json'), 'utf8'),
);

/** Packages whose every string must read Vietnamese (content manager, media library, home, profile, login). */
const COMPLETE = ['admin', 'content-manager', 'upload'];

/** Keys whose English text is also the Vietnamese one (names, codes, placeholders of technical fields). */
const SAME_IN_VIETNAMESE = new Set([
  'app.components.BlockLink.blog',
  'app.components.BlockLink.cloud',
  'app.utils.SelectOption.defaultMessage',
  'app.utils.defaultMessage',
  'app.utils.placeholder.defaultMessage',
  'components.Blocks.popover.link.rel.placeholder',
  'components.Blocks.popover.link.target.placeholder',
  'global.plugins.graphql',
  'global.plugins.sentry',
  'Settings.application.ee.admin-seats.count',
  'Settings.webhooks.singular',
  'content-manager.form.Input.hint.minMaxDivider',
  'content-manager.widget.chart-entries.tooltip',
  'upload.list.filters.type.video',
  'upload.settings.section.video.label',
]);

/** Argument names and tags of an ICU message ("{count, plural, one {# {name}}}" → count, name; <b>). */
function icuNames(message: string): Set<string> {
  const names = new Set<string>();
  for (const m of message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)) names.add(m[1]);
  for (const m of message.matchAll(/<\/?([A-Za-z]\w*)>/g)) names.add(`<${m[1]}>`);
  return names;
}

/**
 * Ids the installed code asks for without any catalogue entry, seen as missing-translation warnings in the
 * browser. Some are plugin strings asked for without the plugin prefix: the media dialog's view switch asks
 * for "view-switch.list" while the media library page asks for "upload.view-switch.list".
 */
const CODE_ONLY = [
  'content-manager.plugin.name',
  'search.placeholder',
  'content-manager.containers.list.table-headers.status',
  'components.Blocks.blocks.bulletList',
  'components.Blocks.blocks.numberList',
  'app.loading',
  'upload.modal.url.title',
  'upload.modal.url.upload',
  'list.asset.at.finished',
  'upload.modal.upload-list.sub-header.add-folder',
  'view-switch.list',
  'view-switch.grid',
];

describe('admin Vietnamese catalogue', () => {
  it('is NFC text with balanced braces', () => {
    for (const [key, value] of Object.entries(OURS)) {
      expect(value.normalize('NFC'), key).toBe(value);
      let depth = 0;
      for (const ch of value) {
        depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
        expect(depth, key).toBeGreaterThanOrEqual(0);
      }
      expect(depth, key).toBe(0);
    }
  });

  it('uses only the arguments and tags the English message has', async () => {
    const english = new Map<string, string>();
    for (const c of await catalogues()) for (const [k, v] of Object.entries(c.en)) english.set(c.prefix + k, v);
    for (const [key, value] of Object.entries(OURS)) {
      const en = english.get(key);
      if (en === undefined) continue; // ids the code asks for without a catalogue entry
      const allowed = icuNames(en);
      for (const name of icuNames(value)) expect(allowed.has(name), `${key}: ${name} not in "${en}"`).toBe(true);
    }
  });

  it('translates every string of the content manager, media library and admin screens', async () => {
    const untranslated: string[] = [];
    for (const c of await catalogues()) {
      if (!COMPLETE.includes(c.pkg)) continue;
      for (const [k, en] of Object.entries(c.en)) {
        const key = c.prefix + k;
        const vi = OURS[key] ?? c.vi[k];
        if (SAME_IN_VIETNAMESE.has(key)) continue;
        if (vi === undefined || vi === en) untranslated.push(`${key}: ${en}`);
      }
    }
    expect(untranslated).toEqual([]);
  });

  it('keeps no translation for a key the installed packages no longer have', async () => {
    const known = new Set<string>();
    for (const c of await catalogues()) for (const k of Object.keys(c.en)) known.add(c.prefix + k);
    const codeOnly = new Set(CODE_ONLY);
    expect(Object.keys(OURS).filter((k) => !known.has(k) && !codeOnly.has(k))).toEqual([]);
  });

  it('lists as code-only ids only what the installed code asks for, and translates each', async () => {
    const code = packageDirs().map(([pkg, dir]) => ({ prefix: pkg === 'admin' ? '' : `${pkg}.`, text: adminCode(dir) }));
    const asked = (id: string) =>
      code.some(
        (c) =>
          c.text.includes(`'${id}'`) ||
          c.text.includes(`"${id}"`) ||
          // plugins prefix their own ids through getTrad/getTranslation('…')
          (c.prefix &&
            id.startsWith(c.prefix) &&
            [`('${id.slice(c.prefix.length)}')`, `(\`${id.slice(c.prefix.length)}\`)`].some((call) => c.text.includes(call))),
      );
    expect(CODE_ONLY.filter((id) => !asked(id))).toEqual([]);
    expect(CODE_ONLY.filter((id) => !OURS[id])).toEqual([]);
  });
});
