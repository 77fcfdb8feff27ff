import type { Core } from '@strapi/strapi';

// A counter bumped on every change of what is public (publish, unpublish, delete; any write to types
// without drafts). The publisher compares it with the revision its live release was built from:
// latest `updatedAt` misses deletions.
const KEY = { type: 'plugin' as const, name: 'portal', key: 'content-revision' };

export async function getRevision(strapi: Core.Strapi): Promise<number> {
  const value = await strapi.store.get(KEY);
  return typeof value === 'number' ? value : 0;
}

let chain: Promise<unknown> = Promise.resolve();

/** Serialised within the process so concurrent publishes never lose an increment. */
export function bumpRevision(strapi: Core.Strapi): Promise<number> {
  const next = chain.then(async () => {
    const value = (await getRevision(strapi)) + 1;
    await strapi.store.set({ ...KEY, value });
    return value;
  });
  chain = next.catch(() => undefined);
  return next;
}
