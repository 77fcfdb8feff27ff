/**
 * The one URL rule of the portal: the CMS refuses anything else on save, and the site renders
 * nothing else (a value that fails is dropped, never written into an href).
 *
 * Accepted: `http://` and `https://` URLs with a host, `mailto:` and `tel:`; site paths (`/thu-tuc/`)
 * only where the field allows them. The value is checked as written, never decoded first, so
 * `&#106;avascript:`, `JaVaScRiPt:`, `java\tscript:` and the like all fail: they start with nothing
 * on the list. Whitespace, control characters and backslashes inside fail too (browsers drop tabs
 * and newlines and read `\` as `/`, which would turn `/\evil.example` into another host).
 */

/** Options of {@link safeUrl}. */
export interface UrlRule {
  /** Allow site paths starting with a single `/`. */
  relative?: boolean;
}

/** URL attributes of the content model and what each allows (one list for the CMS and the site). */
export const URL_FIELDS: Readonly<Record<string, Readonly<Record<string, UrlRule>>>> = {
  'api::link.link': { url: { relative: true } },
  'api::procedure.procedure': { onlineUrl: {} },
};

const MAX_LENGTH = 2000;

/** The value, trimmed, when it passes the rule; null otherwise (null, empty and non-strings included). */
export function safeUrl(value: unknown, rule: UrlRule = {}): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim();
  if (!v || v.length > MAX_LENGTH) return null;
  // Spaces, control characters (C0, DEL, C1), backslashes: never in a URL we write.
  if (/[\s\p{Cc}\\]/u.test(v)) return null;
  if (v.startsWith('/')) {
    if (!rule.relative || v.startsWith('//')) return null;
    return v;
  }
  const written = /^([a-z][a-z0-9+.-]*):/i.exec(v)?.[1];
  if (!written) return null;
  // Schemes are case-insensitive: HTTPS: is https:, JaVaScRiPt: is still not on the list.
  const scheme = written.toLowerCase();
  const u = scheme + v.slice(scheme.length);
  if (scheme === 'http' || scheme === 'https') {
    let url: URL;
    try {
      url = new URL(u);
    } catch {
      return null;
    }
    return u.startsWith(`${scheme}://`) && url.hostname !== '' && url.username === '' && url.password === '' ? u : null;
  }
  if (scheme === 'mailto') return /^mailto:[^@/?#:]+@[^@/?#:]+\.[^@/?#:]+(\?.*)?$/.test(u) ? u : null;
  if (scheme === 'tel') return /^tel:\+?[0-9().-]+$/.test(u) && /[0-9]/.test(u) ? u : null;
  return null;
}

/** Vietnamese message for a refused value (shown as-is in the admin form). */
export function urlProblem(field: string, rule: UrlRule = {}): string {
  return `Trường ${field}: chỉ nhận địa chỉ http://, https://, mailto: hoặc tel:${rule.relative ? ', hoặc đường dẫn trong cổng bắt đầu bằng /' : ''}.`;
}
