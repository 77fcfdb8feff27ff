import type { Core } from '@strapi/strapi';
import { CLASSIFIED_TYPES } from '../../../lib/content-types';

const UID = 'api::article.article';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    // The rules of the REST lists the site reads (lib/public-service.ts: published, never classified),
    // as one grouped query: counting field by field through the document service took ~0.5 s at
    // 10,000 articles, on the path of every approval.
    const meta = strapi.db.metadata.get(UID) as any;
    const fieldMeta = strapi.db.metadata.get('api::field.field') as any;
    const col = (m: any, attr: string) => m.attributes[attr]?.columnName ?? attr;
    const link = meta.attributes.field.joinTable;
    const knex = strapi.db.connection;
    const live = (q: any) => {
      q.whereNotNull(`a.${col(meta, 'publishedAt')}`);
      if (CLASSIFIED_TYPES.includes(UID)) q.where(`a.${col(meta, 'classification')}`, 'thuong');
      return q;
    };
    const [{ n: total }] = await live(knex(`${meta.tableName} as a`)).count({ n: '*' });
    const rows: { documentId: string; n: number | string }[] = await live(
      knex(`${meta.tableName} as a`)
        .join(`${link.name} as l`, `l.${link.joinColumn.name}`, `a.id`)
        .join(`${fieldMeta.tableName} as f`, `f.id`, `l.${link.inverseJoinColumn.name}`),
    )
      .groupBy(`f.${col(fieldMeta, 'documentId')}`)
      .select(`f.${col(fieldMeta, 'documentId')} as documentId`)
      .count({ n: 'a.id' });
    const byField: Record<string, number> = {};
    for (const f of (await strapi.documents('api::field.field').findMany({ fields: ['documentId'], limit: -1 } as any)) as {
      documentId: string;
    }[])
      byField[f.documentId] = 0;
    for (const r of rows) byField[r.documentId] = Number(r.n);
    ctx.body = { data: { total: Number(total), byField } };
  },
});
