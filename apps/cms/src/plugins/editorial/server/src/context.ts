import { AsyncLocalStorage } from 'node:async_hooks';

/** Set while the transition service itself publishes/unpublishes, so the guard lets that call through. */
export const transitionScope = new AsyncLocalStorage<{ action: string; uid: string; documentId: string }>();

/**
 * Set while the plugin's own `workflow.receive` creates an item on behalf of the system (the citizens'
 * question route runs inside a public request, with no admin user). Only that service method enters
 * this scope; the guard treats calls inside it like calls with no request context (the system path).
 * Every other content-API write with a request context and no admin user is still refused.
 */
export const systemScope = new AsyncLocalStorage<{ reason: string; uid: string }>();
