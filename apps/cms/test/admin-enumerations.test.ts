// Every enumeration of the content model has a Vietnamese label in the admin (editorial plugin's
// admin/src/enumerations.ts), so no raw code such as `toi_mat` reaches an edit or list view.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENUM_LABELS, enumLabel, enumOptions } from '../src/plugins/editorial/admin/src/enumerations.ts';

const API = join(import.meta.dirname, '..', 'src', 'api');
const COMPONENTS = join(import.meta.dirname, '..', 'src', 'components');

type Attr = { type?: string; enum?: string[]; component?: string };
const componentAttributes = (uid: string): Record<string, Attr> => {
  const [category, name] = uid.split('.');
  return JSON.parse(readFileSync(join(COMPONENTS, category!, `${name}.json`), 'utf8')).attributes;
};

/** Enumerations of each content type, its components' included (the admin labels those under the owning type). */
function enumerations(): { uid: string; attr: string; values: string[] }[] {
  const out: { uid: string; attr: string; values: string[] }[] = [];
  for (const api of readdirSync(API)) {
    const dir = join(API, api, 'content-types');
    for (const ct of (() => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    })()) {
      const schema = JSON.parse(readFileSync(join(dir, ct, 'schema.json'), 'utf8'));
      const uid = `api::${api}.${ct}`;
      for (const [attr, a] of Object.entries<Attr>(schema.attributes)) {
        if (a.type === 'enumeration') out.push({ uid, attr, values: a.enum ?? [] });
        if (a.type === 'component' && a.component)
          for (const [sub, c] of Object.entries(componentAttributes(a.component)))
            if (c.type === 'enumeration') out.push({ uid, attr: sub, values: c.enum ?? [] });
      }
    }
  }
  return out;
}

describe('enumeration labels in the admin', () => {
  it('label every value of every enumeration in Vietnamese (NFC), inside components too', () => {
    const all = enumerations();
    expect(all.length).toBeGreaterThan(5);
    for (const { uid, attr, values } of all) {
      for (const v of values) {
        const label = ENUM_LABELS[uid]?.[attr]?.[v];
        expect(label, `${uid}.${attr}=${v}`).toBeTruthy();
        expect(label).not.toBe(v);
        expect(label!.normalize('NFC')).toBe(label);
      }
    }
  });

  it('retire the district level from new entries and show when it applied on existing ones', () => {
    const values = ['central', 'province', 'district', 'commune'];
    const fresh = enumOptions('api::document.document', 'level', values, null);
    expect(fresh.map((o) => o.label)).toEqual(['Trung ương', 'Tỉnh', 'Xã']);
    const existing = enumOptions('api::document.document', 'level', values, 'district');
    expect(existing.find((o) => o.value === 'district')).toEqual({ value: 'district', label: 'Huyện (trước 01/7/2025)' });
    expect(enumLabel('api::procedure.procedure', 'level', 'district')).toBe('Huyện (trước 01/7/2025)');
    expect(enumLabel('api::procedure.procedure', 'level', 'province')).toBe('Cấp tỉnh');
  });
});
