import { createHmac, timingSafeEqual } from 'node:crypto';
import { classificationOf, type Classification } from '@cong-ttdt/workflow';

/**
 * The rules of the e-mail intake that need no server: which messages are automatic, which are
 * authenticated by the receiving server, the per-contributor secret addresses, and classification
 * stamps in the text. Pure, so the unit tests check them directly (tests/unit/mail-intake.test.ts).
 */

export type Headers = ReadonlyMap<string, unknown> | Record<string, unknown>;

const header = (headers: Headers, name: string): string[] => {
  const v = headers instanceof Map ? headers.get(name) : (headers as Record<string, unknown>)[name];
  if (v == null) return [];
  const list = Array.isArray(v) ? v : [v];
  // mailparser gives unstructured headers as strings, address headers as { text }, others as { value }.
  return list.map((x) => {
    if (typeof x === 'string') return x;
    if (x && typeof x === 'object' && 'text' in x) return String(x.text);
    if (x && typeof x === 'object' && 'value' in x && typeof x.value === 'string') return x.value;
    return String(x);
  });
};

/**
 * Auto-replies, bounces and list traffic (RFC 3834 Auto-Submitted, the common X- headers, Precedence,
 * delivery reports): never contributions, and never answered (no mail loops).
 */
export function isAutomatic(headers: Headers, contentType = ''): boolean {
  if (header(headers, 'auto-submitted').some((v) => v.trim().toLowerCase().split(';')[0].trim() !== 'no')) return true;
  if (header(headers, 'x-autoreply').length || header(headers, 'x-autorespond').length) return true;
  if (header(headers, 'precedence').some((v) => /^(auto_reply|bulk|junk|list)$/i.test(v.trim()))) return true;
  if (/^multipart\/report\b/i.test(contentType)) return true;
  return header(headers, 'return-path').some((v) => v.replace(/\s/g, '') === '<>');
}

export interface AuthResult {
  method: string;
  result: string;
  props: Record<string, string>;
}

/** The results an `Authentication-Results` header (RFC 8601) carries, if its authserv-id is `authservId`. */
export function parseAuthResults(value: string, authservId: string): AuthResult[] | null {
  // Comments in parentheses carry no result.
  const text = value.replace(/\([^()]*\)/g, ' ').replace(/\s+/g, ' ');
  const [id, ...parts] = text.split(';').map((p) => p.trim());
  if (!id || id.split(' ')[0].toLowerCase() !== authservId.toLowerCase()) return null;
  return parts.filter(Boolean).map((part) => {
    const [first, ...rest] = part.split(' ');
    const [method, result = ''] = first.split('=');
    const props: Record<string, string> = {};
    for (const p of rest) {
      const i = p.indexOf('=');
      if (i > 0) props[p.slice(0, i).toLowerCase()] = p.slice(i + 1).replace(/^"|"$/g, '');
    }
    return { method: method.toLowerCase(), result: result.toLowerCase(), props };
  });
}

const domainOf = (address: string) => address.split('@').pop()?.toLowerCase().replace(/>$/, '') ?? '';
// Relaxed alignment (as DMARC's): the same domain, or the From domain is under the authenticated one.
const aligned = (fromDomain: string, authDomain: string) =>
  !!authDomain && (fromDomain === authDomain || fromDomain.endsWith(`.${authDomain}`));

/**
 * True when the receiving server (the one named `authservId`, whose own header a sender cannot forge
 * because the server removes such headers on receipt) found a DKIM signature or an SPF pass for the
 * From address's domain. Headers of any other server are ignored.
 */
export function isAuthenticated(headers: Headers, fromAddress: string, authservId: string): boolean {
  if (!authservId || !fromAddress.includes('@')) return false;
  const from = domainOf(fromAddress);
  for (const value of header(headers, 'authentication-results')) {
    const results = parseAuthResults(value, authservId);
    if (!results) continue;
    for (const r of results) {
      if (r.result !== 'pass') continue;
      if (r.method === 'dkim' && aligned(from, (r.props['header.d'] ?? domainOf(r.props['header.i'] ?? '')).toLowerCase())) return true;
      if (r.method === 'spf' && aligned(from, domainOf(r.props['smtp.mailfrom'] ?? r.props['smtp.helo'] ?? ''))) return true;
    }
  }
  return false;
}

const tokenOf = (secret: string, userId: number) =>
  createHmac('sha256', secret).update(`mail-intake:${userId}`).digest('base64url').slice(0, 16).toLowerCase().replace(/[-_]/g, 'x');

/** A contributor's own address for contributions: `local+u<id>.<token>@domain` (the token is an HMAC of the id). */
export function secretAddress(intakeAddress: string, secret: string, userId: number): string {
  const [local, domain] = intakeAddress.split('@');
  return `${local}+u${userId}.${tokenOf(secret, userId)}@${domain}`;
}

/** The user id a secret address names, when its token is right (compared in constant time). */
export function userOfSecretAddress(address: string, intakeAddress: string, secret: string): number | null {
  if (!secret) return null;
  const [local, domain] = intakeAddress.toLowerCase().split('@');
  const m = /^([^+@]+)\+u(\d+)\.([a-z0-9]+)@(.+)$/.exec(address.trim().toLowerCase());
  if (!m || m[1] !== local || m[4] !== domain) return null;
  const id = Number(m[2]);
  const want = Buffer.from(tokenOf(secret, id));
  const got = Buffer.from(m[3]);
  return want.length === got.length && timingSafeEqual(want, got) ? id : null;
}

/**
 * The highest classification stamped in a text (after legacy conversion), or null: a line that is only a
 * level ("MẬT", "Tối mật", "Độ mật: Tuyệt mật"), the upper-case stamps anywhere ("MẬT - Báo cáo"), and
 * "tối mật" / "tuyệt mật" in any case. The lower-case word "mật" alone is ordinary ("bí mật", "mật khẩu").
 */
export function classificationMark(text: string): Exclude<Classification, 'thuong'> | null {
  const found = new Set<Classification>();
  const t = text.normalize('NFC');
  for (const raw of t.split(/\r?\n/)) {
    const line = raw.replace(/^[\s*_#>"'“”«»[\](){}.:-]+|[\s*_#>"'“”«»[\](){}.:!-]+$/g, '').replace(/^độ\s+mật\s*[:：-]?\s*/i, '');
    const level = classificationOf(line);
    if (level && level !== 'thuong') found.add(level);
  }
  if (/(^|[^\p{L}])TUYỆT MẬT($|[^\p{L}])/u.test(t) || /tuyệt mật/iu.test(t)) found.add('tuyet-mat');
  if (/(^|[^\p{L}])TỐI MẬT($|[^\p{L}])/u.test(t) || /tối mật/iu.test(t)) found.add('toi-mat');
  if (/(^|[^\p{L}])MẬT($|[^\p{L}])/u.test(t)) found.add('mat');
  for (const level of ['tuyet-mat', 'toi-mat', 'mat'] as const) if (found.has(level)) return level;
  return null;
}
