// Browser suite setup: the real CMS (tests/setup/cms.ts) plus the real publisher building the real site
// from it; waits until the first release is live.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPublisher } from '../../scripts/lib/portal.ts';
import cmsSetup, { freePort, type CmsInfo } from './cms.ts';
import seed from '../../apps/cms/src/seed/data/index.ts';

export interface SiteInfo {
  url: string;
  publisherUrl: string;
  dataDir: string;
  /** Process group of the publisher started here, and its env, so tests can stop and restart it. */
  publisherPid: number;
  publisherEnv: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    site: SiteInfo;
  }
}

/** Private values of the demo content (author addresses, askers' contacts): none may ever be published. */
export function privateMarkers(): string[] {
  const markers = new Set<string>();
  for (const a of seed.articles) {
    markers.add(a.provenance.authorAddress);
    if (a.provenance.collectorAddress) markers.add(a.provenance.collectorAddress);
    if (a.provenance.authorPhone) markers.add(a.provenance.authorPhone);
    if (a.provenance.authorEmail) markers.add(a.provenance.authorEmail);
  }
  for (const q of seed.questions) for (const v of [q.askerPhone, q.askerEmail, q.askerAddress]) if (v) markers.add(v);
  // Commas would split the list; addresses shared with public unit data are not secrets.
  const publicText = JSON.stringify([seed.units, seed.contacts, seed.settings]);
  return [...markers].filter((m) => m.length >= 8 && !m.includes(',') && !publicText.includes(m));
}

export default async function setup(project: TestProject) {
  const [sitePort, publisherPort] = [await freePort(), await freePort()];
  // The CMS sends its webhooks to this publisher (tests/setup/cms.ts reads PORTAL_TEST_CMS_ENV).
  process.env.PORTAL_TEST_CMS_ENV = JSON.stringify({
    PUBLISHER_WEBHOOK_URL: `http://127.0.0.1:${publisherPort}/webhook`,
    SITE_URL: `http://127.0.0.1:${sitePort}`,
  });
  const stopCms = await cmsSetup(project);
  const cms = project.getProvidedContext().cms as CmsInfo;
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-pub-'));
  const publisherEnv: Record<string, string> = {
    ...process.env,
    ...cms.env,
    CMS_URL: cms.url,
    CMS_PUBLIC_URL: cms.url,
    SITE_URL: `http://127.0.0.1:${sitePort}`,
    SITE_PORT: String(sitePort),
    SITE_HOST: '127.0.0.1',
    PUBLISHER_PORT: String(publisherPort),
    PUBLISHER_DATA_DIR: dataDir,
    PUBLISHER_DEBOUNCE_MS: '500',
    PUBLISHER_RECONCILE_MS: '30000',
    PUBLISHER_ADMIN_TOKEN: 'test-admin-token-0123456789abcdef',
    PUBLISHER_LEAK_MARKERS: privateMarkers().join(','),
    // A small article window for the quick lane, so the demo content has articles outside it.
    PUBLISHER_FAST_WINDOW: '5',
  } as Record<string, string>;
  const child = startPublisher(publisherEnv, 'publisher');
  const publisherUrl = `http://127.0.0.1:${publisherPort}`;
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      const s = await (await fetch(`${publisherUrl}/status`)).json();
      if (s.live) break;
      if (s.lastError && s.state === 'idle' && !s.queued) throw new Error(`first site build failed: ${s.lastError.message}`);
    } catch (e) {
      if ((e as Error).message.startsWith('first site build failed')) throw e;
    }
    if (Date.now() > deadline) throw new Error('the first site build did not go live within 10 minutes');
    await new Promise((r) => setTimeout(r, 1000));
  }
  project.provide('site', { url: `http://127.0.0.1:${sitePort}`, publisherUrl, dataDir, publisherPid: child.pid!, publisherEnv });
  return async () => {
    await stopCms?.();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
