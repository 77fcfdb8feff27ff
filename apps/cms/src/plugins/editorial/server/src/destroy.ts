import type { Core } from '@strapi/strapi';
import { stopScheduler } from './bootstrap';

const destroy = (_: { strapi: Core.Strapi }) => {
  stopScheduler();
};

export default destroy;
