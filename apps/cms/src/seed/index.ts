import type { Core } from '@strapi/strapi';
import { addDays, weekStart as mondayOfWeek } from '@cong-ttdt/content/dates';
import { uploadScene } from './images';
import type { SeedData, SeedStage } from './types';
import { seedWorkCalendar } from './work-calendar';

type Ids = Map<string, string>; // seed key → documentId

export interface SeedHooks {
  /** Records the review stage of a seeded item (the editorial plugin provides it). */
  recordStage?: (uid: string, documentId: string, stage: SeedStage, authorRole?: string) => Promise<void>;
}

const PUBLISH_STAGES: SeedStage[] = ['published'];

/**
 * Loads the demo content when the database has none (decided by the site settings' presence), through
 * the Document Service as the system (no request context). Safe to call at every start.
 */
/** The demo content is there (decided by the site settings' presence). */
export const hasDemoContent = async (strapi: Core.Strapi): Promise<boolean> =>
  (await strapi.db.query('api::site-setting.site-setting').count({})) > 0;

export async function seedDemo(strapi: Core.Strapi, data: SeedData, hooks: SeedHooks = {}): Promise<boolean> {
  if (await hasDemoContent(strapi)) return false;
  const t0 = Date.now();
  const docs = (uid: string) => strapi.documents(uid as any) as any;
  const ids: Record<string, Ids> = {};
  const keyed = (kind: string) => (ids[kind] ??= new Map());

  const save = async (uid: string, entry: Record<string, any>, stage: SeedStage = 'published', authorRole?: string) => {
    const dp = (strapi.contentTypes as any)[uid].options?.draftAndPublish;
    const created = await docs(uid).create({ data: entry });
    if (dp && PUBLISH_STAGES.includes(stage)) await docs(uid).publish({ documentId: created.documentId });
    if (dp && hooks.recordStage) await hooks.recordStage(uid, created.documentId, stage, authorRole);
    return created.documentId as string;
  };

  await docs('api::site-setting.site-setting').create({ data: data.settings });
  await seedWorkCalendar(strapi);
  for (const f of data.fields)
    keyed('field').set(f.key, await save('api::field.field', { name: f.name, order: f.order, description: f.description }));
  for (const u of data.units) {
    const parent = u.parent ? keyed('unit').get(u.parent) : undefined;
    const { key, parent: _p, ...rest } = u;
    keyed('unit').set(key, await save('api::unit.unit', { ...rest, ...(parent ? { parent } : {}) }));
  }
  for (const b of data.boards)
    keyed('board').set(b.key, await save('api::board.board', { name: b.name, order: b.order, description: b.description }));
  for (const c of data.contacts) {
    const { unit, ...rest } = c;
    await save('api::contact.contact', { ...rest, unit: keyed('unit').get(unit) });
  }
  // Documents first without their mutual relations, then the relations, then publish.
  const docStages: Array<[string, SeedStage]> = [];
  for (const d of data.documents) {
    const { key, field, replaces: _r, amends: _a, stage, ...rest } = d;
    const created = await docs('api::document.document').create({
      data: { ...rest, field: field ? keyed('field').get(field) : undefined },
    });
    keyed('document').set(key, created.documentId);
    docStages.push([created.documentId, stage ?? 'published']);
  }
  for (const d of data.documents) {
    if (!d.replaces?.length && !d.amends?.length) continue;
    await docs('api::document.document').update({
      documentId: keyed('document').get(d.key),
      data: {
        ...(d.replaces?.length ? { replaces: d.replaces.map((k) => keyed('document').get(k)).filter(Boolean) } : {}),
        ...(d.amends?.length ? { amends: d.amends.map((k) => keyed('document').get(k)).filter(Boolean) } : {}),
      },
    });
  }
  for (const [documentId, stage] of docStages) {
    if (PUBLISH_STAGES.includes(stage)) await docs('api::document.document').publish({ documentId });
    if (hooks.recordStage) await hooks.recordStage('api::document.document', documentId, stage);
  }
  for (const p of data.procedures) {
    const { field, legalBasis, stage, ...rest } = p;
    await save(
      'api::procedure.procedure',
      { ...rest, field: keyed('field').get(field), legalBasis: (legalBasis ?? []).map((k) => keyed('document').get(k)).filter(Boolean) },
      stage,
    );
  }
  for (const q of data.questions) {
    const { field, answeringUnit, stage, ...rest } = q;
    await save(
      'api::question.question',
      { ...rest, field: keyed('field').get(field), answeringUnit: answeringUnit ? keyed('unit').get(answeringUnit) : undefined },
      stage ?? (q.answer ? 'published' : 'submitted'),
    );
  }
  for (const p of data.pages) {
    const { key, parent, ...rest } = p;
    keyed('page').set(key, await save('api::page.page', { ...rest, parent: parent ? keyed('page').get(parent) : undefined }));
  }
  for (const l of data.links) await save('api::link.link', l);
  for (const a of data.articles) {
    const { field, unit, stage, author, cover, ...rest } = a;
    const photo = cover ? { cover: await uploadScene(strapi, cover.scene, cover.file, cover.alt), coverAlt: cover.alt } : {};
    await save(
      'api::article.article',
      { ...rest, ...photo, field: keyed('field').get(field), unit: unit ? keyed('unit').get(unit) : undefined },
      stage,
      author,
    );
  }
  const monday = mondayOfWeek(new Date());
  for (const s of data.schedules) {
    const weekStart = addDays(monday, 7 * s.weekOffset);
    const board = data.boards.find((b) => b.key === s.board);
    await save('api::schedule.schedule', {
      title: `Lịch công tác tuần của ${board?.name ?? ''} (từ ${weekStart.split('-').reverse().join('/')})`,
      board: keyed('board').get(s.board),
      weekStart,
      note: s.note,
      entries: s.entries.map(({ day, startTime, endTime, ...e }) => ({
        ...e,
        date: addDays(weekStart, day),
        startTime: `${startTime}:00.000`,
        endTime: endTime ? `${endTime}:00.000` : undefined,
        amendedAt: e.amended ? new Date().toISOString() : undefined,
      })),
    });
  }
  strapi.log.info(`Demo content loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  return true;
}
