import type { Core } from '@strapi/strapi';
import { registerContactGuard } from './contact-guard';
import { registerGuard, registerWriterCheck } from './guard';
import { registerMediaGuard } from './media/guard';
import { registerStageFilter } from './stage-filter';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerWriterCheck(strapi);
  registerGuard(strapi);
  registerStageFilter(strapi);
  registerMediaGuard(strapi);
  registerContactGuard(strapi);
};

export default register;
