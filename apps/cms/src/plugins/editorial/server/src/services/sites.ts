import type { Core } from '@strapi/strapi';
import createSiteScope from '../site-scope';

export default ({ strapi }: { strapi: Core.Strapi }) => createSiteScope(strapi);
