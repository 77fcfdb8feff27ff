import { AsyncLocalStorage } from 'node:async_hooks';

/** Set while the transition service itself publishes/unpublishes, so the guard lets that call through. */
export const transitionScope = new AsyncLocalStorage<{ action: string; uid: string; documentId: string }>();

// Writes on behalf of the system (seed, scheduler, question intake, erasure) run as named writers: writers.ts.

/** Set while a confirmed purge (services/quarantine.ts) removes an item's archived originals, the one delete they allow. */
export const purgeScope = new AsyncLocalStorage<{ quarantineId: number }>();
