import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (or PORTAL_CHROMIUM), with flags that keep it off the network. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PORTAL_CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Waits until the publisher's live release was built from at least this CMS revision. */
export async function waitForRevision(publisherUrl: string, minRevision: number, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const s = await (await fetch(`${publisherUrl}/status`)).json();
    if (s.live && s.live.revision >= minRevision && s.state === 'idle' && !s.queued) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`site not rebuilt to revision ${minRevision} in time`);
}
