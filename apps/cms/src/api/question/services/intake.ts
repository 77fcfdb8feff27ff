import type { Core } from '@strapi/strapi';
import { questionsConfig } from '../../../lib/questions/config';
import {
  newTrackingCode,
  normalizeEmail,
  normalizePhone,
  normalizeTrackingCode,
  type CleanQuestion,
} from '../../../lib/questions/validate';

const UID = 'api::question.question';
const DAY = 86_400_000;

/** What the asker sees for each stage (the board's own stage names are for the board). */
export const CITIZEN_STAGE_LABELS: Record<string, string> = {
  submitted: 'Đã tiếp nhận, đang chờ phân công trả lời',
  assigned: 'Đang được xem xét, soạn trả lời',
  draft: 'Đang được xem xét, soạn trả lời',
  returned: 'Đang được xem xét, soạn trả lời',
  verified: 'Đã có trả lời, đang chờ lãnh đạo duyệt',
  scheduled: 'Đã duyệt, chờ công bố',
  published: 'Đã trả lời và công bố',
  withdrawn: 'Đã ngừng công bố',
};

const CONTACTS_NULL = { askerPhone: null, askerEmail: null, askerAddress: null };
const HAS_CONTACT = { $or: [{ askerPhone: { $notNull: true } }, { askerEmail: { $notNull: true } }, { askerAddress: { $notNull: true } }] };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const db = () => strapi.db.query(UID as any);

  const self = {
    /** A field by documentId (what the site's form sends) or numeric id; its documentId or null. */
    async findField(ref: string): Promise<string | null> {
      const where = /^\d+$/.test(ref) ? { id: Number(ref) } : { documentId: ref };
      const row = (await strapi.db.query('api::field.field').findOne({ where, select: ['documentId'] })) as { documentId: string } | null;
      return row?.documentId ?? null;
    },

    async newCode(): Promise<string> {
      for (;;) {
        const code = newTrackingCode();
        if (!(await db().findOne({ where: { trackingCode: code }, select: ['id'] }))) return code;
      }
    },

    /** Stores a validated question at stage `submitted`, as the system; returns the tracking code. */
    async receive(q: CleanQuestion): Promise<{ code: string; statusPath: string }> {
      const cfg = questionsConfig();
      const now = new Date();
      const code = await self.newCode();
      const data = {
        title: q.title,
        question: q.question,
        askerName: q.askerName,
        askerPhone: q.askerPhone,
        askerEmail: q.askerEmail,
        askerAddress: q.askerAddress,
        field: q.fieldDocumentId,
        askedAt: now.toISOString(),
        trackingCode: code,
        contactExpiresAt: new Date(now.getTime() + cfg.retentionDays * DAY).toISOString(),
      };
      await strapi
        .plugin('editorial')
        .service('workflow')
        .receive(UID, data, {
          actorName: 'Người dân (biểu mẫu hỏi đáp)',
          meta: { channel: 'web-form', ...(q.converted.length ? { convertedFromLegacyEncoding: q.converted } : {}) },
        });
      return { code, statusPath: `/api/questions/status/${code}` };
    },

    /** Public status of one question: nothing personal, nothing the asker did not already know. */
    async status(code: string) {
      const row = (await db().findOne({
        where: { trackingCode: code, publishedAt: { $null: true } },
        select: ['documentId', 'askedAt', 'answeredAt', 'createdAt'],
      })) as Record<string, any> | null;
      if (!row) return null;
      const state = await strapi.plugin('editorial').service('workflow').getState(UID, row.documentId);
      const live = (await db().findOne({
        where: { documentId: row.documentId, publishedAt: { $notNull: true } },
        select: ['slug', 'publishedAt', 'answeredAt', 'answer'],
      })) as Record<string, any> | null;
      const stage: string = state?.stage ?? 'submitted';
      const site = questionsConfig().siteUrl ?? '';
      return {
        code,
        stage,
        stageLabel: CITIZEN_STAGE_LABELS[stage] ?? 'Đang được xem xét',
        receivedAt: row.askedAt ?? row.createdAt,
        updatedAt: state?.updatedAt ?? null,
        answeredAt: live?.answeredAt ?? null,
        publishedAt: live?.publishedAt ?? null,
        slug: live?.slug ?? null,
        // The published answer is public already (the site shows it); drafts of it never are.
        answer: live?.answer ?? null,
        url: live?.slug ? `${site}/hoi-dap/${encodeURIComponent(live.slug)}/` : null,
      };
    },

    /**
     * Erases askers' contact details whose retention period is over (contactExpiresAt passed; items
     * typed in by the board, without that date, QUESTIONS_CONTACT_RETENTION_DAYS after creation).
     * Works on the rows directly, draft and published versions alike; the public never saw them.
     */
    async eraseExpired(now = new Date()): Promise<number> {
      const cutoff = new Date(now.getTime() - questionsConfig().retentionDays * DAY).toISOString();
      const where = {
        $and: [
          HAS_CONTACT,
          {
            $or: [
              { contactExpiresAt: { $lte: now.toISOString() } },
              { $and: [{ contactExpiresAt: { $null: true } }, { createdAt: { $lte: cutoff } }] },
            ],
          },
        ],
      };
      const res = (await db().updateMany({ where, data: CONTACTS_NULL })) as { count: number };
      if (res.count) strapi.log.info(`questions: erased the contact details of ${res.count} row(s) past their retention period`);
      return res.count;
    },

    /** Erases on request the contact details of every question matching a tracking code, e-mail or phone. */
    async eraseContacts(
      identifier: string,
      kind?: 'code' | 'email' | 'phone',
    ): Promise<{ by: 'code' | 'email' | 'phone'; documentIds: string[] }> {
      const raw = identifier.trim();
      let by: 'code' | 'email' | 'phone';
      let documentIds: string[];
      // Without a kind: an e-mail has "@", then a phone number, then a tracking code.
      const email = (!kind && raw.includes('@')) || kind === 'email' ? normalizeEmail(raw) : null;
      const phone = (!kind && !email) || kind === 'phone' ? normalizePhone(raw) : null;
      const code = (!kind && !email && !phone) || kind === 'code' ? normalizeTrackingCode(raw) : null;
      if (email) {
        by = 'email';
        const rows = (await db().findMany({ where: { askerEmail: { $eqi: email } }, select: ['documentId'] })) as Array<{
          documentId: string;
        }>;
        documentIds = rows.map((r) => r.documentId);
      } else if (phone) {
        by = 'phone';
        const rows = (await db().findMany({ where: { askerPhone: { $notNull: true } }, select: ['documentId', 'askerPhone'] })) as Array<{
          documentId: string;
          askerPhone: string;
        }>;
        documentIds = rows.filter((r) => normalizePhone(r.askerPhone) === phone).map((r) => r.documentId);
      } else if (code) {
        by = 'code';
        const rows = (await db().findMany({ where: { trackingCode: code }, select: ['documentId'] })) as Array<{ documentId: string }>;
        documentIds = rows.map((r) => r.documentId);
      } else {
        throw new Error(
          kind
            ? `"${identifier}" is not a valid ${kind}`
            : `"${identifier}" is neither a tracking code, an e-mail address nor a Vietnamese phone number`,
        );
      }
      documentIds = [...new Set(documentIds)];
      if (documentIds.length)
        await db().updateMany({
          where: { documentId: { $in: documentIds } },
          data: { ...CONTACTS_NULL, contactExpiresAt: new Date().toISOString() },
        });
      return { by, documentIds };
    },
  };
  return self;
};
