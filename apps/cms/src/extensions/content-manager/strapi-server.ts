import { errors } from '@strapi/utils';

/**
 * Strapi 5.54's relation routes (`GET /content-manager/relations/:model/:field`) answer 500 when the
 * caller may not read the field: `extractAndValidateRequestInfo` returns `ctx.forbidden()` (undefined)
 * and its callers destructure the result. Turn that into the 403 it meant.
 */
export default (plugin: any) => {
  const relations = plugin.controllers.relations;
  const extract = relations.extractAndValidateRequestInfo;
  relations.extractAndValidateRequestInfo = async function (this: unknown, ctx: any, id: unknown) {
    const info = await extract.call(this, ctx, id);
    // A PolicyError (a ForbiddenError) keeps its message through Strapi's authorize middleware.
    if (info === undefined) throw new errors.PolicyError('Bạn không có quyền xem trường liên kết này.');
    return info;
  };
  return plugin;
};
