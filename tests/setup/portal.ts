// Browser suite setup: the real CMS (tests/setup/cms.ts) plus the real publisher building the real site
// from it; waits until the first release is live.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPublisher } from '../../scripts/lib/portal.ts';
import cmsSetup, { freePort, type CmsInfo } from './cms.ts';

export interface SiteInfo {
  url: string;
  publisherUrl: string;
  dataDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    site: SiteInfo;
  }
}

export default async function setup(project: TestProject) {
  const stopCms = await cmsSetup(project);
  const cms = project.getProvidedContext().cms as CmsInfo;
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-pub-'));
  const [sitePort, publisherPort] = [await freePort(), await freePort()];
  startPublisher(
    {
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
      PUBLISHER_RECONCILE_MS: '5000',
    },
    'publisher',
  );
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
  project.provide('site', { url: `http://127.0.0.1:${sitePort}`, publisherUrl, dataDir });
  return async () => {
    await stopCms?.();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
