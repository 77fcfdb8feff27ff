import { factories } from '@strapi/strapi';
import { CLASSIFIED_TYPES } from './content-types';

// The content API (public role, site token) reads through these services. Whatever the request asks,
// it gets published entries only (stock Strapi serves drafts for `?status=draft`), and never a
// classified entry even if one was published by mistake (defence in depth: saving one is refused).
export const onlyPublic = (uid: string, params: Record<string, any> = {}) => {
  const next: Record<string, any> = { ...params, status: 'published' };
  if (CLASSIFIED_TYPES.includes(uid)) {
    next.filters = params.filters ? { $and: [params.filters, { classification: 'thuong' }] } : { classification: 'thuong' };
  }
  return next;
};

export function publicService(uid: string) {
  return factories.createCoreService(
    uid as any,
    () =>
      ({
        async find(params: any) {
          return (super.find as any)(onlyPublic(uid, params));
        },
        async findOne(documentId: any, params: any) {
          return (super.findOne as any)(documentId, onlyPublic(uid, params));
        },
      }) as any,
  );
}
