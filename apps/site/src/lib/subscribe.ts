// Plain links for subscribing to a board's calendar and for sharing a page: no third-party script runs on
// the site, the visitor's browser only follows a link to the calendar or the social network.
import { absoluteUrl, icsUrl } from './urls';

export interface CalendarLinks {
  /** The feed itself (download, or import by hand). */
  ics: string;
  /** Subscription in the device's calendar app (Apple Calendar, Outlook desktop, Thunderbird…). */
  webcal: string;
  google: string;
  outlook: string;
}

/** Links for one board's .ics feed; the subscription links need the feed's absolute address. */
export function calendarLinks(boardSlug: string, name: string): CalendarLinks {
  const feed = absoluteUrl(icsUrl(boardSlug));
  const webcal = feed.replace(/^https?:/, 'webcal:');
  return {
    ics: icsUrl(boardSlug),
    webcal,
    // Google Calendar subscribes to a webcal address given as `cid`.
    google: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
    outlook: `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(feed)}&name=${encodeURIComponent(name)}`,
  };
}

export interface ShareLink {
  label: string;
  href: string;
}

/** Share links for a page (absolute address): Zalo first, the main channel here. */
export function shareLinks(pagePath: string): ShareLink[] {
  const url = encodeURIComponent(absoluteUrl(pagePath));
  return [
    { label: 'Zalo', href: `https://sp.zalo.me/share_to_zalo?url=${url}` },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${url}` },
  ];
}
