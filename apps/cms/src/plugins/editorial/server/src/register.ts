import type { Core } from '@strapi/strapi';
import { registerGuard } from './guard';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerGuard(strapi);
};

export default register;
