import type { Core } from '@strapi/strapi';
import { registerGuard } from './guard';
import { registerStageFilter } from './stage-filter';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerGuard(strapi);
  registerStageFilter(strapi);
};

export default register;
