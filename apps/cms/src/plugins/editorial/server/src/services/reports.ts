import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  CalendarError,
  ROYALTY_GRADE_RANGE,
  documentKind,
  hasDeadline,
  missingYearWarning,
  workCalendar,
  type CalendarDay,
  type WorkCalendar,
} from '@cong-ttdt/workflow';
import {
  DEFAULT_RATE_TABLE,
  PeriodError,
  computeOverdue,
  computeRoyalty,
  computeSummary,
  localDay,
  overdueTables,
  reportAccess,
  resolvePeriod,
  royaltyKindOf,
  royaltyLinesTable,
  royaltyUnitTable,
  summaryCsvTable,
  summaryTables,
  toCsv,
  validateRateTable,
  type ItemInfo,
  type LogRow,
  type OverdueItem,
  type OverdueReport,
  type Period,
  type PeriodQuery,
  type RateTable,
  type ReportAccess,
  type ReportInput,
  type Table,
} from '@cong-ttdt/workflow/reports';
import { chartSvg, printHtml } from './report-print';
import ExcelJS from 'exceljs';
import { displayName, type AdminUser } from '../actor';
import { type ReviewState, serialised } from './workflow';
import { type DocumentRow, type NamedRow, type ProfileRow, getService, query, schemaOf } from '../seams';

const LOG = 'plugin::editorial.review-log';
const STATE = 'plugin::editorial.review-state';
const PROFILE = 'plugin::editorial.profile';
const COUNTED = ['submit', 'return', 'approve', 'golive', 'withdraw', 'expire'];
const TITLE_ATTRS = ['title', 'name', 'fullName'];

const DOCUMENT = 'api::document.document';
/** First publication: what the disclosure deadline is measured against (a later revision does not move it). */
const PUBLISHED = [
  { action: 'approve', toStage: 'published' },
  { action: 'golive', toStage: 'published' },
];

export type ReportKind = 'summary' | 'royalty' | 'overdue';
export type ExportFormat = 'csv' | 'xlsx' | 'html';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'editorial', key: 'royalty-rates' });

  const self = {
    async access(user: AdminUser): Promise<ReportAccess> {
      let roles = user.roles;
      if (!roles || roles.some((r) => !r.code)) {
        roles =
          ((await strapi.db.query('admin::user').findOne({ where: { id: user.id }, populate: ['roles'] })) as AdminUser | null)?.roles ??
          [];
      }
      return reportAccess(roles.map((r) => r.code));
    },

    period(query: PeriodQuery): Period {
      try {
        return resolvePeriod(query);
      } catch (e) {
        if (e instanceof PeriodError) throw new errors.ValidationError(e.message);
        throw e;
      }
    },

    async rates(): Promise<RateTable> {
      const saved = (await store().get({})) as RateTable | null;
      if (!saved) return { ...DEFAULT_RATE_TABLE, updatedAt: null, updatedBy: null };
      // Kinds added after the table was saved get their default.
      const rates = DEFAULT_RATE_TABLE.rates.map((d) => saved.rates.find((r) => r.kind === d.kind) ?? d);
      return { ...saved, rates };
    },

    /** Saves the rate table (editor-in-chief, portal administrator); the change is written to the audit log. */
    async setRates(input: unknown, user: AdminUser): Promise<RateTable> {
      const v = validateRateTable(input, ROYALTY_GRADE_RANGE);
      if (!v.ok) throw new errors.ValidationError((v as { errors: string[] }).errors.join(' '));
      const table: RateTable = { ...(v as { table: RateTable }).table, updatedAt: new Date().toISOString(), updatedBy: displayName(user) };
      await serialised(async () => {
        await store().set({ value: table });
        await getService(strapi, 'audit').record({
          target: { uid: 'plugin::editorial.royalty-rates', documentId: 'royalty-rates' },
          action: 'rates-changed',
          from: null,
          to: 'rates-changed',
          actor: { id: user.id, name: displayName(user), roles: (user.roles ?? []).map((r) => r.code) },
          meta: { pointValue: table.pointValue, rates: table.rates },
        });
      });
      return table;
    },

    /** Everything the pure computation needs, read from the audit log and what it refers to. */
    async input(period: Period): Promise<ReportInput> {
      const log = (await strapi.db.query(LOG).findMany({
        where: { action: { $in: COUNTED }, at: { $lt: period.end } },
        select: ['seq', 'targetUid', 'targetDocumentId', 'action', 'fromStage', 'toStage', 'actorId', 'at', 'meta'],
        orderBy: { seq: 'asc' },
      })) as LogRow[];
      const byType = new Map<string, Set<string>>();
      for (const r of log) {
        if (!byType.has(r.targetUid)) byType.set(r.targetUid, new Set());
        byType.get(r.targetUid)!.add(r.targetDocumentId);
      }
      const items: ItemInfo[] = [];
      const typeLabels: Record<string, string> = {};
      for (const [uid, set] of byType) {
        const ct = schemaOf(strapi, uid);
        typeLabels[uid] = ct?.info?.displayName ?? uid;
        const ids = [...set];
        const states = new Map<string, Pick<ReviewState, 'targetDocumentId' | 'authorId' | 'fieldId'>>();
        for (let i = 0; i < ids.length; i += 500) {
          const chunk = ids.slice(i, i + 500);
          for (const s of await query<Pick<ReviewState, 'targetDocumentId' | 'authorId' | 'fieldId'>>(strapi, STATE).findMany({
            where: { targetUid: uid, targetDocumentId: { $in: chunk } },
            select: ['targetDocumentId', 'authorId', 'fieldId'],
          })) {
            states.set(s.targetDocumentId, s);
          }
        }
        const docs = new Map<string, DocumentRow>();
        if (ct) {
          const attrs = ct.attributes ?? {};
          const select = ['documentId', 'publishedAt', ...TITLE_ATTRS, 'kind', 'body'].filter(
            (a) => a === 'documentId' || a === 'publishedAt' || a in attrs,
          );
          const populate = 'cover' in attrs ? { cover: { select: ['id'] } } : undefined;
          for (let i = 0; i < ids.length; i += 500) {
            const rows = await query<DocumentRow>(strapi, uid).findMany({
              where: { documentId: { $in: ids.slice(i, i + 500) } },
              select,
              ...(populate ? { populate } : {}),
            });
            // The working copy (draft) is what the board reviewed last; the published row only when no draft is kept.
            for (const row of rows) if (!docs.has(row.documentId) || row.publishedAt == null) docs.set(row.documentId, row);
          }
        }
        for (const documentId of ids) {
          const s = states.get(documentId);
          const doc = docs.get(documentId);
          items.push({
            uid,
            documentId,
            title: String(TITLE_ATTRS.map((a) => doc?.[a]).find(Boolean) ?? documentId),
            authorId: s?.authorId ?? null,
            fieldId: s?.fieldId ?? null,
            royaltyKind: royaltyKindOf(uid, doc),
          });
        }
      }
      const users = (await strapi.db.query('admin::user').findMany({ select: ['id', 'firstname', 'lastname', 'email'] })) as AdminUser[];
      const profiles = new Map((await query<ProfileRow>(strapi, PROFILE).findMany({})).map((p) => [p.userId, p]));
      const units = (await query<NamedRow>(strapi, 'api::unit.unit').findMany({ select: ['id', 'name'], orderBy: { order: 'asc' } })).map(
        (u) => ({ id: u.id, name: u.name }),
      );
      const fields = (await query<NamedRow>(strapi, 'api::field.field').findMany({ select: ['id', 'name'] })).map((f) => ({
        id: f.id,
        name: f.name,
      }));
      return {
        period,
        log,
        items,
        people: users.map((u) => ({ id: u.id, name: displayName(u), unitId: profiles.get(u.id)?.unitId ?? null })),
        units,
        fields,
        typeLabels,
        rates: await self.rates(),
      };
    },

    /** The working calendar the IT officer keeps in the site settings (validated on save). */
    async calendar(): Promise<WorkCalendar> {
      const row = (await strapi.db.query('api::site-setting.site-setting').findOne({ populate: { workCalendar: true } })) as {
        workCalendar?: CalendarDay[];
      } | null;
      try {
        return workCalendar((row?.workCalendar ?? []).map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null })));
      } catch (e) {
        if (!(e instanceof CalendarError)) throw e;
        strapi.log.warn(`[editorial] working calendar unreadable (${e.message}); weekends only`);
        return workCalendar([]);
      }
    },

    /** The admin's warning when next year's holidays are not entered (null when they are). */
    async calendarWarning(): Promise<string | null> {
      return missingYearWarning(await self.calendar(), localDay(new Date()));
    },

    /** The portal's own documents created (issued or signed) in the period: on time, late or overdue, per unit and kind. */
    async overdue(period: Period): Promise<OverdueReport> {
      // Draft rows: every document has one (published or not), and it is what the board keeps editing.
      const all = (await strapi.db.query(DOCUMENT).findMany({
        where: { publishedAt: null, issueDate: { $gte: period.from, $lte: period.to } },
        select: ['documentId', 'title', 'number', 'docType', 'disclosure', 'level', 'issueDate'],
      })) as Array<{
        documentId: string;
        title: string;
        number: string;
        docType: string;
        disclosure: string;
        level: string;
        issueDate: string;
      }>;
      const settings = (await strapi.db.query('api::site-setting.site-setting').findOne({ select: ['adminLevel'] })) as {
        adminLevel?: string;
      } | null;
      const docs = all.filter((d) => hasDeadline(d, settings?.adminLevel));
      const ids = docs.map((d) => d.documentId);
      const states = new Map<string, number | null>();
      const firstPublished = new Map<string, string>();
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        for (const s of (await strapi.db.query(STATE).findMany({
          where: { targetUid: DOCUMENT, targetDocumentId: { $in: chunk } },
          select: ['targetDocumentId', 'authorId'],
        })) as Array<{ targetDocumentId: string; authorId: number | null }>)
          states.set(s.targetDocumentId, s.authorId);
        for (const r of (await strapi.db.query(LOG).findMany({
          where: { targetUid: DOCUMENT, targetDocumentId: { $in: chunk }, $or: PUBLISHED },
          select: ['targetDocumentId', 'at'],
          orderBy: { seq: 'asc' },
        })) as Array<{ targetDocumentId: string; at: string }>)
          if (!firstPublished.has(r.targetDocumentId)) firstPublished.set(r.targetDocumentId, localDay(r.at));
      }
      const profiles = new Map(
        (
          (await strapi.db.query(PROFILE).findMany({ select: ['userId', 'unitId'] })) as Array<{ userId: number; unitId: number | null }>
        ).map((p) => [p.userId, p.unitId]),
      );
      const units = new Map(
        ((await strapi.db.query('api::unit.unit').findMany({ select: ['id', 'name'] })) as Array<{ id: number; name: string }>).map((u) => [
          u.id,
          u.name,
        ]),
      );
      const items: OverdueItem[] = docs.map((d) => {
        const author = states.get(d.documentId);
        const unitId = author == null ? null : (profiles.get(author) ?? null);
        return {
          documentId: d.documentId,
          title: d.title,
          number: d.number,
          kind: documentKind(d),
          unit: unitId == null ? null : (units.get(unitId) ?? null),
          created: String(d.issueDate).slice(0, 10),
          published: firstPublished.get(d.documentId) ?? null,
        };
      });
      return computeOverdue(await self.calendar(), items, localDay(new Date()));
    },

    async summary(period: Period) {
      return computeSummary(await self.input(period));
    },

    async royalty(period: Period, onlyContributor?: number) {
      return computeRoyalty(await self.input(period), onlyContributor);
    },

    /** A report as tables, for the exports and the printable view. */
    async tables(
      report: ReportKind,
      period: Period,
      onlyContributor?: number,
    ): Promise<{ title: string; tables: Table[]; csv: Table; svg?: string; note?: string }> {
      if (report === 'overdue') {
        const o = await self.overdue(period);
        const tables = overdueTables(o);
        return {
          title: 'Danh sách thông tin công khai trễ hạn, quá hạn',
          tables,
          csv: tables[1],
          note: [`Tính đến ngày ${o.asOf.split('-').reverse().join('/')}, theo ngày làm việc.`, o.calendarWarning]
            .filter(Boolean)
            .join(' '),
        };
      }
      if (report === 'summary') {
        const s = await self.summary(period);
        // The inspection covers timeliness too: the overdue list goes with the summary.
        const o = await self.overdue(period);
        return {
          title: 'Báo cáo tình hình cung cấp thông tin trên Cổng thông tin điện tử',
          tables: [...summaryTables(s), ...overdueTables(o)],
          csv: summaryCsvTable(s),
          svg: chartSvg(s.chart),
          note: s.inactiveUnits.length
            ? `Đơn vị không có tin, bài nào được xuất bản trong kỳ (${s.inactiveUnits.length}): ${s.inactiveUnits.map((u) => u.name).join('; ')}.`
            : undefined,
        };
      }
      const r = await self.royalty(period, onlyContributor);
      const lines = royaltyLinesTable(r);
      return {
        title: 'Bảng kê nhuận bút tin, bài trên Cổng thông tin điện tử',
        tables: [lines, royaltyUnitTable(r)],
        csv: lines,
        note: `Giá trị một điểm: ${r.pointValue.toLocaleString('vi-VN')} đồng. Thành tiền = điểm × hệ số × giá trị một điểm.`,
      };
    },

    async export(
      report: ReportKind,
      format: ExportFormat,
      period: Period,
      onlyContributor?: number,
    ): Promise<{ body: string | Buffer; type: string; filename: string }> {
      const t = await self.tables(report, period, onlyContributor);
      const names: Record<ReportKind, string> = {
        summary: 'bao-cao-cung-cap-thong-tin',
        royalty: 'bang-ke-nhuan-but',
        overdue: 'cong-khai-tre-han',
      };
      const base = `${names[report]}_${period.from}_${period.to}`;
      if (format === 'csv') return { body: toCsv(t.csv), type: 'text/csv; charset=utf-8', filename: `${base}.csv` };
      if (format === 'html') {
        const settings = await query<{ agencyName?: string | null; portalName?: string | null }>(
          strapi,
          'api::site-setting.site-setting',
        ).findOne({ select: ['agencyName', 'portalName'] });
        return {
          body: printHtml({
            title: t.title,
            subtitle: period.label,
            agency: settings?.agencyName ?? settings?.portalName ?? undefined,
            tables: t.tables,
            svg: t.svg,
            note: t.note,
          }),
          type: 'text/html; charset=utf-8',
          filename: `${base}.html`,
        };
      }
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Cổng thông tin điện tử';
      wb.created = new Date();
      const sheetNames = new Set<string>();
      for (const table of t.tables) {
        // Sheet names: 31 characters at most, no []:*?/\ and unique.
        let name = table.title
          .replace(/[[\]:*?/\\]/g, ' ')
          .slice(0, 31)
          .trim();
        for (let i = 2; sheetNames.has(name); i++) name = `${name.slice(0, 28)} ${i}`;
        sheetNames.add(name);
        const ws = wb.addWorksheet(name);
        ws.addRow(table.headers).font = { bold: true };
        for (const row of table.rows) ws.addRow(row.map((v) => (v == null ? null : v)));
        ws.columns.forEach((col, i) => {
          const len = Math.max(...[table.headers[i], ...table.rows.map((r) => r[i])].map((v) => String(v ?? '').length));
          col.width = Math.min(60, Math.max(10, len + 2));
        });
        ws.views = [{ state: 'frozen', ySplit: 1 }];
      }
      const buffer = Buffer.from(await wb.xlsx.writeBuffer());
      return { body: buffer, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${base}.xlsx` };
    },
  };
  return self;
};
