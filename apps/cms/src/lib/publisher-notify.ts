import { createHmac } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** Events that may change the public site (the publisher decides which ones need a build). */
export const PUBLISHER_EVENTS = [
  'entry.publish',
  'entry.unpublish',
  'entry.delete',
  'entry.update',
  'entry.create',
  'media.create',
  'media.update',
  'media.delete',
];

/** "sha256=" + HMAC-SHA256 of "<timestamp>.<body>"; verified by apps/publisher/src/signature.ts. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Notifies the publisher of content changes with signed requests (X-Portal-Timestamp,
 * X-Portal-Signature over timestamp and body). Strapi's own webhooks can only carry static headers,
 * i.e. a bearer that anyone who sees one request can replay forever; so the CMS sends this one itself,
 * with the same body Strapi's webhook runner sends, once and without retry (the publisher reconciles
 * on GET /api/revision). The webhook of earlier versions ("publisher", static bearer) is removed.
 */
export async function startPublisherNotifications(strapi: Core.Strapi): Promise<void> {
  await removeLegacyWebhook(strapi);
  const url = process.env.PUBLISHER_WEBHOOK_URL;
  const secret = process.env.PUBLISHER_WEBHOOK_SECRET;
  if (!url || !secret) return;
  const send = (event: string, info: Record<string, unknown>) => {
    const body = JSON.stringify({ event, createdAt: new Date(), ...info });
    const timestamp = Math.floor(Date.now() / 1000);
    fetch(url, {
      method: 'POST',
      body,
      headers: {
        'Content-Type': 'application/json',
        'X-Strapi-Event': event,
        'X-Portal-Timestamp': String(timestamp),
        'X-Portal-Signature': signWebhook(secret, timestamp, body),
      },
      signal: AbortSignal.timeout(10_000),
    })
      .then(async (res) => {
        if (!res.ok) strapi.log.warn(`publisher notification ${event}: ${res.status} ${(await res.text()).slice(0, 200)}`);
      })
      .catch((e: Error) => strapi.log.warn(`publisher notification ${event}: ${e.message}`));
  };
  // Not awaited: the event hub waits for its listeners, and a slow publisher must not slow a save.
  for (const event of PUBLISHER_EVENTS) strapi.eventHub.on(event, async (info: any) => send(event, info ?? {}));
}

async function removeLegacyWebhook(strapi: Core.Strapi): Promise<void> {
  const store = strapi.get('webhookStore') as any;
  const runner = strapi.get('webhookRunner') as any;
  for (const w of ((await store.findWebhooks()) as any[]).filter((w) => w.name === 'publisher')) {
    runner.remove(w);
    await store.deleteWebhook(w.id);
  }
}
