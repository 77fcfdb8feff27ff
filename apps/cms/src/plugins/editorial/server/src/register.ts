import type { Core } from '@strapi/strapi';
import { registerContactGuard } from './contact-guard';
import { registerGuard } from './guard';
import { registerMediaGuard } from './media/guard';
import { registerStageFilter } from './stage-filter';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerGuard(strapi);
  registerStageFilter(strapi);
  registerMediaGuard(strapi);
  registerContactGuard(strapi);
};

export default register;
