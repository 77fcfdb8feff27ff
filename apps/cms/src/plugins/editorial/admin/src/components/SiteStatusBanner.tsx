import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { getFetchClient } from '@strapi/strapi/admin';
import { formatDateTime } from '@cong-ttdt/content/dates';

// The banner the editor-in-chief and the portal administrator see when the public site is not up to date
// (issue 21). It reads GET /editorial/site-status (the server asks the publisher); for other roles the
// route answers 403 and nothing is shown. Mounted once, above the whole admin (its own React root, so it
// stays on every page).

interface SiteStatus {
  freshness: 'current' | 'stale' | 'unknown';
  since: string | null;
  failures: number;
  problem: string | null;
}

const POLL_MS = 30_000;

/** The banner's text, or null when there is nothing to say. */
export function bannerText(s: SiteStatus | null): string | null {
  if (!s) return null;
  if (s.freshness === 'stale')
    return `Trang công khai chưa cập nhật từ ${formatDateTime(s.since)} (dựng trang thất bại ${s.failures} lần liên tiếp). Bài đã gỡ vẫn được gỡ khỏi trang ngay; tin, bài mới và các danh sách chưa cập nhật.`;
  if (s.freshness === 'unknown' && s.problem) return `Không biết trang công khai đã cập nhật chưa: ${s.problem}`;
  return null;
}

function SiteStatusBanner() {
  const [status, setStatus] = useState<SiteStatus | null>(null);
  useEffect(() => {
    let alive = true;
    const check = async () => {
      // Signed out (the sign-in page): no call, so no token refresh is attempted.
      if (!localStorage.getItem('jwtToken') && !document.cookie.includes('jwtToken=')) return setStatus(null);
      try {
        const { data } = await getFetchClient().get<{ data: SiteStatus }>('/editorial/site-status');
        if (alive) setStatus(data.data);
      } catch {
        // Not signed in, or a role without the action (403): no banner.
        if (alive) setStatus(null);
      }
    };
    void check();
    const timer = setInterval(() => void check(), POLL_MS);
    const onFocus = () => void check();
    window.addEventListener('focus', onFocus);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, []);
  const text = bannerText(status);
  if (!text) return null;
  return (
    <div
      role="alert"
      data-testid="site-status-banner"
      style={{
        // In the page's flow, above the admin (not laid over it: a fixed banner hid the pages' top bars).
        position: 'sticky',
        top: 0,
        zIndex: 10000,
        padding: '8px 16px',
        background: status?.freshness === 'stale' ? '#b72b1a' : '#8a5300',
        color: '#fff',
        font: '600 14px/1.4 system-ui, sans-serif',
        textAlign: 'center',
      }}
    >
      {text}
    </div>
  );
}

let mounted = false;

/** Puts the banner above the admin, once (plugin bootstrap). */
export function mountSiteStatusBanner(): void {
  if (mounted || typeof document === 'undefined') return;
  mounted = true;
  const host = document.createElement('div');
  host.id = 'editorial-site-status';
  document.body.prepend(host);
  createRoot(host).render(<SiteStatusBanner />);
}
