/**
 * Every change that shows on the site moves the CMS revision (GET /api/revision), which the publisher
 * compares with its live release to rebuild and to retry failed builds. The cases are generated from
 * the content model (apps/cms/src/api/<type>/content-types/<type>/schema.json): every attribute of
 * every type, media fields, relations and the single type. A new attribute fails here until the site
 * shows it (apps/site/src/lib/cms-loader.ts SPECS) or it is marked private, and a new attribute type
 * until it has a change case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_TYPES } from '../../apps/cms/src/lib/content-types.ts';
import { SPECS } from '../../apps/site/src/lib/cms-loader.ts';
import { CM, publishThroughWorkflow, transition, validArticle } from '../helpers/content.ts';
import seed from '../../apps/cms/src/seed/data/index.ts';
import { dbExec } from '../helpers/db.ts';
import { adminToken, cms, createApiToken, http } from '../helpers/http.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(join(ROOT, 'apps', 'cms', 'package.json'));
const sharp = require('sharp');

type Attr = {
  type: string;
  private?: boolean;
  enum?: string[];
  target?: string;
  mappedBy?: string;
  multiple?: boolean;
  maxLength?: number;
  component?: string;
  repeatable?: boolean;
};
type Schema = {
  kind: string;
  info: { singularName: string; pluralName: string };
  options?: { draftAndPublish?: boolean };
  attributes: Record<string, Attr>;
};

const schemaOf = (uid: string): Schema => {
  const name = uid.split('.').pop()!;
  return JSON.parse(readFileSync(join(ROOT, 'apps/cms/src/api', name, 'content-types', name, 'schema.json'), 'utf8'));
};
// Issue 28: the site build reads sites once its loader takes the build request's site (issue 23's
// refactor, applied at merge); until then the site type is not on the site and is left out here.
const NOT_YET_ON_SITE = ['api::site.site'];
const MODEL = PORTAL_TYPES.filter((uid) => !NOT_YET_ON_SITE.includes(uid)).map((uid) => ({ uid, schema: schemaOf(uid) }));
const specOf = (s: Schema) =>
  Object.values(SPECS).find((x) => x.plural === (s.kind === 'singleType' ? s.info.singularName : s.info.pluralName));

let readToken: string;
let superToken: string;
const revision = async (): Promise<number> => {
  const res = await http('GET', '/api/revision', { token: readToken });
  expect(res.status).toBe(200);
  return res.body.data.revision;
};
/** Runs `change` and expects the revision to have moved (or not). */
async function expectRevision(moves: boolean, label: string, change: () => Promise<{ status: number; body: unknown }>) {
  const before = await revision();
  const res = await change();
  expect(res.status, `${label}: ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(300);
  const after = await revision();
  if (moves) expect(after, `${label} must move the revision`).toBeGreaterThan(before);
  else expect(after, `${label} must not move the revision`).toBe(before);
}

async function uploadPhoto(name: string, colour = '#3a7d44'): Promise<{ id: number; url: string }> {
  const bytes: Buffer = await sharp({ create: { width: 64, height: 48, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), name);
  form.append('fileInfo', JSON.stringify({ alternativeText: `Ảnh thử ${name}` }));
  const res = await http('POST', '/upload', { token: superToken, body: form });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body[0];
}

beforeAll(async () => {
  readToken = await createApiToken('read-only');
  superToken = await adminToken('strapi-super-admin');
});

describe('demo content with photos', () => {
  it('seeds articles with generated cover photos and Vietnamese alt text', async () => {
    const res = await http('GET', '/api/articles?populate=cover&filters[cover][id][$notNull]=true&pagination[pageSize]=100', {
      token: readToken,
    });
    expect(res.status).toBe(200);
    const withCover = res.body.data as Array<{
      title: string;
      coverAlt: string;
      cover: { url: string; mime: string; alternativeText: string };
    }>;
    // The demo's own covers (other test files of the suite add articles with pictures of their own).
    const seeded = new Set(seed.articles.filter((a) => a.cover).map((a) => a.title));
    const demo = withCover.filter((a) => seeded.has(a.title));
    expect(demo.length).toBe(seeded.size);
    expect(demo.length).toBeGreaterThanOrEqual(3);
    for (const a of demo) {
      expect(a.coverAlt, a.title).toMatch(/ảnh minh họa/i);
      expect(a.cover.alternativeText).toBe(a.coverAlt);
      const bytes = Buffer.from(await (await fetch(cms().url + a.cover.url)).arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect(meta.format).toBe('jpeg');
      expect(meta.width).toBeGreaterThanOrEqual(800);
    }
  });
});

describe('revision, cases generated from the content model', () => {
  it('the site projection covers every public attribute of every type (or it is derived/private)', () => {
    // Inverse sides of relations: the site computes them from the owning side (data.ts).
    const DERIVED: Record<string, string[]> = { 'api::page.page': ['children'], 'api::unit.unit': ['children'] };
    const unhandled: string[] = [];
    for (const { uid, schema } of MODEL) {
      const spec = specOf(schema);
      if (!spec) {
        unhandled.push(`${uid} (no SPECS entry)`);
        continue;
      }
      for (const [name, attr] of Object.entries(schema.attributes)) {
        if (attr.private || DERIVED[uid]?.includes(name)) continue;
        const shown = attr.type === 'relation' ? !!spec.relations?.[name] : name in spec.attrs;
        if (!shown) unhandled.push(`${uid}.${name}`);
      }
    }
    expect(unhandled).toEqual([]);
  });

  // Types without draft & publish: every saved edit is live at once, so every attribute's change must
  // move the revision.
  const live = MODEL.filter((m) => !m.schema.options?.draftAndPublish);
  for (const { uid, schema } of live) {
    const single = schema.kind === 'singleType';
    const base = single ? `/content-manager/single-types/${uid}` : `${CM}/${uid}`;
    let entry: Record<string, unknown>;
    let n = 0;
    /** A different valid value for one attribute; a new attribute type fails here until it has a case. */
    const changed = async (name: string, attr: Attr): Promise<unknown> => {
      const old = entry[name];
      const tag = `${Date.now().toString(36)}${++n}`;
      switch (attr.type) {
        case 'string':
        case 'text':
        case 'richtext':
          if (name === 'url') return `https://example.gov.vn/${tag}`;
          if (name === 'domain') return `sua-${tag}.example.gov.vn`;
          if (name === 'phone' || name === 'fax') return `0291 38${String(Date.now()).slice(-5)}`;
          return `${String(old ?? '').slice(0, (attr.maxLength ?? 200) - 12)} (sửa ${tag})`.trim();
        case 'email':
          return `sua-${tag}@hoabinh.example.gov.vn`;
        case 'uid':
          return `sua-${tag}`;
        case 'integer':
          return (Number(old) || 0) + 1;
        case 'boolean':
          return !old;
        case 'enumeration':
          return attr.enum!.find((v) => v !== old);
        case 'media':
          return (await uploadPhoto(`${schema.info.singularName}-${name}-${tag}.jpg`)).id;
        case 'relation': {
          if (old) return { set: [] };
          const list = await http('GET', `${CM}/${attr.target}?pageSize=100`, { token: superToken });
          const other = (list.body.results as Array<{ documentId: string; parent?: unknown }>).find(
            (r) => r.documentId !== entry.documentId && !r.parent,
          );
          return { set: [{ documentId: other!.documentId }] };
        }
        case 'component':
          // The working calendar (issue 31): one day renamed (no new year: the calendar test counts them).
          if ((attr as { component?: string }).component === 'calendar.day')
            return ((old as Array<Record<string, unknown>>) ?? []).map(({ id: _id, ...d }, i) =>
              i === 0 ? { ...d, name: `${d.name} (sửa ${tag})` } : d,
            );
          throw new Error(`no change case for ${uid}.${name} (component): add one to tests/integration/revision.test.ts`);
        default:
          throw new Error(`no change case for ${uid}.${name} (${attr.type}): add one to tests/integration/revision.test.ts`);
      }
    };
    it(`${uid}: every attribute's change moves the revision`, async () => {
      // Other test files share the demo content: collection entries are made here, the single type
      // is put back as it was.
      let original: Record<string, unknown> | null = null;
      if (single) {
        const one = await http('GET', `${base}?populate=*`, { token: superToken });
        expect(one.status).toBe(200);
        entry = one.body.data;
        original = Object.fromEntries(
          Object.entries(schema.attributes).map(([k, a]) => [
            k,
            a.type === 'media' ? ((entry[k] as { id?: number } | null)?.id ?? null) : (entry[k] ?? null),
          ]),
        );
      } else {
        entry = {};
        const data: Record<string, unknown> = {};
        for (const [name, attr] of Object.entries(schema.attributes))
          if ((attr as { required?: boolean }).required) data[name] = await changed(name, attr);
        const created = await http('POST', base, { token: superToken, body: data });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        entry = created.body.data;
      }
      for (const [name, attr] of Object.entries(schema.attributes)) {
        if (attr.private || attr.mappedBy) continue;
        const value = await changed(name, attr);
        await expectRevision(true, `${uid}.${name}`, () =>
          http('PUT', single ? base : `${base}/${entry.documentId}`, { token: superToken, body: { [name]: value } }),
        );
        entry = (await http('GET', single ? `${base}?populate=*` : `${base}/${entry.documentId}?populate=*`, { token: superToken })).body
          .data;
      }
      if (original) {
        // A retired value the seed holds (adminLevel "district") may be kept but not set again (issue 24):
        // put it back directly, then the rest through the API.
        if ((original as Record<string, unknown>).adminLevel === 'district') dbExec("UPDATE site_settings SET admin_level = 'district'");
        // Components are put back as new ones: their old ids were replaced by the changes above.
        const body = Object.fromEntries(
          Object.entries(original as Record<string, unknown>).map(([k, v]) => [
            k,
            Array.isArray(v) && v.every((c) => c && typeof c === 'object' && 'id' in c) ? v.map(({ id: _id, ...c }) => c) : v,
          ]),
        );
        const restored = await http('PUT', base, { token: superToken, body });
        expect(restored.status, JSON.stringify(restored.body).slice(0, 600)).toBe(200);
      }
    });
  }

  // Types with draft & publish: drafts are not on the site; publish, withdrawal and deletion are.
  const drafted = MODEL.filter((m) => m.schema.options?.draftAndPublish).map((m) => m.uid);
  it(`draft and publish types (${drafted.length}): a draft edit does not move the revision, approval and withdrawal do`, async () => {
    expect(drafted).toContain('api::article.article');
    const created = await http('POST', `${CM}/api::article.article`, { token: await adminToken('contributor'), body: validArticle() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const documentId = created.body.data.documentId;
    const contributor = await adminToken('contributor');
    await expectRevision(false, 'draft edit', () =>
      http('PUT', `${CM}/api::article.article/${documentId}`, { token: contributor, body: { summary: 'Tóm tắt đã sửa' } }),
    );
    const before = await revision();
    expect(await publishThroughWorkflow('api::article.article', documentId)).toBe('published');
    expect(await revision()).toBeGreaterThan(before);
    await expectRevision(true, 'withdrawal (Gỡ bài)', () =>
      transition('editor-in-chief', {
        uid: 'api::article.article',
        documentId,
        action: 'withdraw',
        comment: 'Thông tin cần gỡ để kiểm tra.',
      }),
    );
  });

  // The media library writes files without the Document Service (replace, re-describe, delete), yet
  // every page that uses a file shows its bytes, URL and alt text.
  const mediaFields = MODEL.flatMap(({ uid, schema }) =>
    Object.entries(schema.attributes)
      .filter(([, a]) => a.type === 'media')
      .map(([name]) => `${uid}.${name}`),
  );
  it(`media fields (${mediaFields.length}): replacing, re-describing and deleting a file move the revision`, async () => {
    expect(mediaFields).toContain('api::article.article.cover');
    for (const field of mediaFields) {
      const file = await uploadPhoto(`${field.replace(/\W+/g, '-')}.jpg`);
      const replacement = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#1040d0' } })
        .jpeg()
        .toBuffer();
      await expectRevision(true, `${field}: replaced`, () => {
        const form = new FormData();
        form.append('files', new Blob([new Uint8Array(replacement)], { type: 'image/jpeg' }), 'moi.jpg');
        return http('POST', `/upload?id=${file.id}`, { token: superToken, body: form });
      });
      await expectRevision(true, `${field}: re-described`, () => {
        const form = new FormData();
        form.append('fileInfo', JSON.stringify({ alternativeText: 'Mô tả mới của ảnh', caption: 'Chú thích mới' }));
        return http('POST', `/upload?id=${file.id}`, { token: superToken, body: form });
      });
      await expectRevision(true, `${field}: deleted`, () => http('DELETE', `/upload/files/${file.id}`, { token: superToken }));
    }
  });
});
