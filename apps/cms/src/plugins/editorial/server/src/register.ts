import type { Core } from '@strapi/strapi';
import { registerContactGuard } from './contact-guard';
import { registerGuard, registerWriterCheck } from './guard';
import { registerMediaGuard } from './media/guard';
import { registerRelationSearch } from './relation-search';
import { registerRouteLocks } from './route-locks';
import { injectSiteAttribute } from './site-scope';
import { registerStageFilter } from './stage-filter';
import { registerSystemInfoGuard } from './system-info';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Before the database schema is synced: the `site` relation of every site-scoped type.
  injectSiteAttribute(strapi);
  registerWriterCheck(strapi);
  registerGuard(strapi);
  registerStageFilter(strapi);
  registerMediaGuard(strapi);
  registerContactGuard(strapi);
  registerRelationSearch(strapi);
  registerSystemInfoGuard(strapi);
  registerRouteLocks(strapi);
};

export default register;
