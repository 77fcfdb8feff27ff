import type { Core } from '@strapi/strapi';

interface Gate {
  gate(ctx: unknown, next: () => Promise<void>): Promise<void>;
}

/**
 * The second step of sign-in for the roles that publish or administer, in front of every route
 * (editorial plugin, services/second-factor.ts): no token for them without the code, and no answer to
 * an access token of a session that has not passed it. After the login throttle, so wrong codes count.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  (ctx: unknown, next: () => Promise<void>) =>
    (strapi.plugin('editorial').service('second-factor') as Gate).gate(ctx, next);
