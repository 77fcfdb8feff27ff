import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { PeriodQuery } from '@cong-ttdt/workflow/reports';
import type { ExportFormat, ReportKind } from '../services/reports';
import { type AdminContext, getService } from '../seams';

/** What a report route reads and writes of Koa's context: the period comes in the query string. */
interface ReportCtx extends Omit<AdminContext, 'query'> {
  query: PeriodQuery;
}

// Reports (issue #9). Every route checks the caller's role codes here, on the server:
// summary — inspector, editor-in-chief, portal administrator; royalty — those and finance (everyone's
// statements) or a contributor (their own only); rate table edits — editor-in-chief, portal administrator.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const reports = () => getService(strapi, 'reports');

  /** The royalty scope of the caller: undefined = everyone, a user id = only that contributor. */
  const royaltyScope = async (ctx: ReportCtx): Promise<number | undefined | null> => {
    const access = await reports().access(ctx.state.user);
    if (access.royalty === 'all') return undefined;
    if (access.royalty === 'own') return ctx.state.user.id;
    return null;
  };

  return {
    async access(ctx: ReportCtx) {
      const access = await reports().access(ctx.state.user);
      if (!access.summary && access.royalty === 'none') return ctx.forbidden('Không có quyền xem báo cáo.');
      ctx.body = { data: access };
    },

    async summary(ctx: ReportCtx) {
      const access = await reports().access(ctx.state.user);
      if (!access.summary) return ctx.forbidden('Không có quyền xem báo cáo tình hình cung cấp thông tin.');
      ctx.body = { data: await reports().summary(reports().period(ctx.query)) };
    },

    async overdue(ctx: ReportCtx) {
      const access = await reports().access(ctx.state.user);
      if (!access.summary) return ctx.forbidden('Không có quyền xem báo cáo tình hình cung cấp thông tin.');
      ctx.body = { data: { ...(await reports().overdue(reports().period(ctx.query))), period: reports().period(ctx.query) } };
    },

    async royalty(ctx: ReportCtx) {
      const scope = await royaltyScope(ctx);
      if (scope === null) return ctx.forbidden('Không có quyền xem bảng kê nhuận bút.');
      ctx.body = { data: { ...(await reports().royalty(reports().period(ctx.query), scope)), scope: scope === undefined ? 'all' : 'own' } };
    },

    async export(ctx: ReportCtx) {
      const report = ctx.params.report as ReportKind;
      const format = ctx.params.format as ExportFormat;
      if (!['summary', 'royalty', 'overdue'].includes(report)) return ctx.notFound();
      if (!['csv', 'xlsx', 'html'].includes(format)) throw new errors.ValidationError('Định dạng phải là csv, xlsx hoặc html.');
      let scope: number | undefined;
      if (report === 'summary' || report === 'overdue') {
        if (!(await reports().access(ctx.state.user)).summary)
          return ctx.forbidden('Không có quyền xem báo cáo tình hình cung cấp thông tin.');
      } else {
        const s = await royaltyScope(ctx);
        if (s === null) return ctx.forbidden('Không có quyền xem bảng kê nhuận bút.');
        scope = s;
      }
      const out = await reports().export(report, format, reports().period(ctx.query), scope);
      const ascii = out.filename.replace(/[^\x20-\x7e]/g, '_');
      ctx.set('Content-Type', out.type);
      ctx.set(
        'Content-Disposition',
        `${format === 'html' ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(out.filename)}`,
      );
      ctx.set('Cache-Control', 'no-store');
      ctx.body = out.body;
    },

    async getRates(ctx: ReportCtx) {
      const access = await reports().access(ctx.state.user);
      if (access.royalty === 'none') return ctx.forbidden('Không có quyền xem bảng nhuận bút.');
      ctx.body = { data: { ...(await reports().rates()), editable: access.editRates } };
    },

    async setRates(ctx: ReportCtx) {
      const access = await reports().access(ctx.state.user);
      if (!access.editRates) return ctx.forbidden('Chỉ Trưởng ban biên tập hoặc Quản trị cổng được sửa bảng nhuận bút.');
      ctx.body = { data: await reports().setRates(ctx.request.body ?? {}, ctx.state.user) };
    },
  };
};
