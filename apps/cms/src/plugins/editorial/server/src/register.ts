import type { Core } from '@strapi/strapi';
import { registerGuard, registerWriterCheck } from './guard';
import { registerStageFilter } from './stage-filter';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerWriterCheck(strapi);
  registerGuard(strapi);
  registerStageFilter(strapi);
};

export default register;
