// Validation and clean-up of a citizen's question (pure: no Strapi; the field lookup is passed in).
import { randomInt } from 'node:crypto';
import sanitizeHtml from 'sanitize-html';
import { analyze } from '@cong-ttdt/vn-text';
import { QUESTION_TOO_FAST } from '@cong-ttdt/content';

export interface FieldError {
  path: string[];
  message: string;
  /** Machine-readable kind, where a client must tell it apart (a too-fast post). */
  code?: string;
}

export interface CleanQuestion {
  askerName: string;
  askerPhone: string | null;
  askerEmail: string | null;
  askerAddress: string | null;
  fieldDocumentId: string;
  title: string;
  question: string;
  /** Names of the fields whose legacy TCVN3/VNI text was converted to Unicode. */
  converted: string[];
  /** The proof-of-work payload as sent (verified by the caller). */
  altcha: unknown;
}

/** Every field the form may send; anything else is refused. */
export const ACCEPTED_FIELDS = [
  'name',
  'phone',
  'email',
  'address',
  'fieldId',
  'title',
  'question',
  'consent',
  'website',
  'startedAt',
  'altcha',
] as const;

export const LIMITS = {
  name: { min: 2, max: 120 },
  email: { max: 160 },
  address: { max: 300 },
  title: { min: 10, max: 200 },
  question: { min: 20, max: 5000 },
} as const;

const CONSENT_VALUES = new Set(['yes', 'on', 'true', '1', 'đồng ý']);

/**
 * Plain text only: every tag (and the content of script/style) is removed. Entities are decoded back
 * to characters and the result is stripped again until nothing tag-like is left, so an encoded tag
 * (&lt;script&gt;) cannot come back as a tag either.
 */
export function stripHtml(input: string): string {
  let text = input;
  for (let i = 0; i < 5; i++) {
    const out = sanitizeHtml(text, {
      allowedTags: [],
      allowedAttributes: {},
      disallowedTagsMode: 'discard',
      nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'template', 'xmp', 'noembed', 'noframes'],
    })
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&');
    if (out === text) return out;
    text = out;
  }
  // Did not settle (pathological nesting): drop every "<" so no tag can be formed.
  return text.replace(/</g, '');
}

/** Legacy text converted, tags removed, control characters dropped, whitespace tidied. */
export function cleanText(value: string, multiline: boolean): { text: string; converted: boolean } {
  const a = analyze(value);
  const converted = a.converted && (a.encoding === 'tcvn3' || a.encoding === 'vni' || a.encoding === 'mixed');
  let text = stripHtml(a.result.replace(/\r\n?/g, '\n'))
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .normalize('NFC');
  if (multiline) {
    text = text
      .split('\n')
      .map((l) => l.replace(/[\t ]+/g, ' ').trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } else {
    text = text.replace(/\s+/g, ' ').trim();
  }
  return { text, converted };
}

/** Vietnamese phone numbers: mobile 0[3|5|7|8|9]xxxxxxxx, landline 02xxxxxxxxx; +84/84 accepted. */
export function normalizePhone(raw: string): string | null {
  const s = raw.replace(/[\s.\-()]/g, '');
  if (!/^\+?\d+$/.test(s)) return null;
  let digits = s.replace(/^\+/, '');
  if (digits.startsWith('84') && (digits.length === 11 || digits.length === 12)) digits = `0${digits.slice(2)}`;
  if (/^0[35789]\d{8}$/.test(digits) || /^02\d{9}$/.test(digits)) return digits;
  return null;
}

export function normalizeEmail(raw: string): string | null {
  const s = raw.trim();
  if (s.length > LIMITS.email.max) return null;
  const m =
    /^([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+)@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)$/.exec(
      s,
    );
  if (!m || m[1].startsWith('.') || m[1].endsWith('.') || m[1].includes('..')) return null;
  return `${m[1]}@${m[2].toLowerCase()}`;
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

/** 10 random base32 characters (50 bits), from the system's CSPRNG. */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += ALPHABET[randomInt(32)];
  return code;
}

/** What a person may type for a code: lower case, spaces, dashes, O for 0, I/L for 1. Null when not a code. */
export function normalizeTrackingCode(raw: string): string | null {
  const s = raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(s) ? s : null;
}

const MSG = {
  unknown: (k: string) => `Trường "${k}" không thuộc biểu mẫu gửi câu hỏi.`,
  notText: 'Giá trị không hợp lệ (phải là một đoạn văn bản).',
  honeypot: 'Biểu mẫu không hợp lệ: ô "Để trống ô này" phải để trống.',
  startedAt: 'Biểu mẫu không hợp lệ hoặc đã cũ, vui lòng tải lại trang rồi gửi lại (cần bật JavaScript).',
  tooFast: (s: number) => `Bạn gửi quá nhanh. Vui lòng đọc lại câu hỏi và gửi lại sau ít nhất ${s} giây kể từ khi mở biểu mẫu.`,
  clock: 'Đồng hồ trên thiết bị của bạn có vẻ không đúng. Vui lòng chỉnh lại giờ rồi tải lại trang.',
  nameRequired: 'Vui lòng nhập họ và tên.',
  nameLength: `Họ và tên phải có từ ${LIMITS.name.min} đến ${LIMITS.name.max} ký tự.`,
  contactRequired: 'Vui lòng nhập số điện thoại hoặc thư điện tử để cơ quan liên hệ khi cần.',
  phone: 'Số điện thoại không hợp lệ.',
  email: 'Địa chỉ thư điện tử không hợp lệ.',
  address: `Địa chỉ không được dài quá ${LIMITS.address.max} ký tự.`,
  fieldRequired: 'Vui lòng chọn lĩnh vực.',
  fieldUnknown: 'Lĩnh vực đã chọn không tồn tại.',
  titleRequired: 'Vui lòng nhập tiêu đề câu hỏi.',
  titleLength: `Tiêu đề phải có từ ${LIMITS.title.min} đến ${LIMITS.title.max} ký tự.`,
  questionRequired: 'Vui lòng nhập nội dung câu hỏi.',
  questionLength: `Nội dung câu hỏi phải có từ ${LIMITS.question.min} đến ${LIMITS.question.max} ký tự.`,
  consent: 'Bạn cần đồng ý với việc xử lý dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP) để gửi câu hỏi.',
};

export interface ValidateOptions {
  now: number;
  minFillMs: number;
  /** Resolves a field reference (documentId or numeric id) to its documentId, or null. */
  findField: (ref: string) => Promise<string | null>;
}

/** Checks a submission; returns the cleaned question or every problem found, one per field. */
export async function validateSubmission(
  body: unknown,
  opts: ValidateOptions,
): Promise<{ ok: true; value: CleanQuestion } | { ok: false; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const err = (field: string, message: string, code?: string) => {
    if (!errors.some((e) => e.path[0] === field)) errors.push({ path: [field], message, ...(code ? { code } : {}) });
  };
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, errors: [{ path: [], message: 'Không đọc được nội dung gửi lên.' }] };
  }
  const input = body as Record<string, unknown>;
  for (const k of Object.keys(input)) if (!(ACCEPTED_FIELDS as readonly string[]).includes(k)) err(k, MSG.unknown(k));

  const str = (k: string): string | undefined => {
    const v = input[k];
    if (v == null) return undefined;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (typeof v === 'boolean') return String(v);
    if (typeof v !== 'string') {
      err(k, MSG.notText);
      return undefined;
    }
    if (v.length > 20_000) {
      err(k, MSG.notText);
      return undefined;
    }
    return v;
  };
  const converted: string[] = [];
  const text = (k: string, multiline = false): string => {
    const v = str(k);
    if (v === undefined) return '';
    const r = cleanText(v, multiline);
    if (r.converted) converted.push(k);
    return r.text;
  };

  // Abuse checks first: a filled honeypot or a too-fast post says nothing more about the fields.
  const website = str('website');
  if (website !== undefined && website.trim() !== '') err('website', MSG.honeypot);
  const startedRaw = str('startedAt');
  const startedAt = startedRaw !== undefined && /^\d{10,16}$/.test(startedRaw.trim()) ? Number(startedRaw.trim()) : NaN;
  if (!Number.isFinite(startedAt)) err('startedAt', MSG.startedAt);
  else {
    const elapsed = opts.now - startedAt;
    if (elapsed < -5 * 60_000) err('startedAt', MSG.clock);
    else if (elapsed < opts.minFillMs) err('startedAt', MSG.tooFast(Math.ceil(opts.minFillMs / 1000)), QUESTION_TOO_FAST);
  }

  const name = text('name');
  if (!name) err('name', MSG.nameRequired);
  else if ([...name].length < LIMITS.name.min || [...name].length > LIMITS.name.max) err('name', MSG.nameLength);

  const phoneRaw = (str('phone') ?? '').trim();
  const emailRaw = (str('email') ?? '').trim();
  let phone: string | null = null;
  let email: string | null = null;
  if (phoneRaw) {
    phone = normalizePhone(phoneRaw);
    if (!phone) err('phone', MSG.phone);
  }
  if (emailRaw) {
    email = normalizeEmail(emailRaw);
    if (!email) err('email', MSG.email);
  }
  if (!phoneRaw && !emailRaw) err('phone', MSG.contactRequired);

  const address = text('address') || null;
  if (address && [...address].length > LIMITS.address.max) err('address', MSG.address);

  const fieldRef = (str('fieldId') ?? '').trim();
  let fieldDocumentId: string | null = null;
  if (!fieldRef) err('fieldId', MSG.fieldRequired);
  else if (!/^[A-Za-z0-9_-]{1,64}$/.test(fieldRef)) err('fieldId', MSG.fieldUnknown);
  else {
    fieldDocumentId = await opts.findField(fieldRef);
    if (!fieldDocumentId) err('fieldId', MSG.fieldUnknown);
  }

  const title = text('title');
  if (!title) err('title', MSG.titleRequired);
  else if ([...title].length < LIMITS.title.min || [...title].length > LIMITS.title.max) err('title', MSG.titleLength);

  const question = text('question', true);
  if (!question) err('question', MSG.questionRequired);
  else if ([...question].length < LIMITS.question.min || [...question].length > LIMITS.question.max) err('question', MSG.questionLength);

  const consent = str('consent');
  if (!consent || !CONSENT_VALUES.has(consent.trim().toLowerCase())) err('consent', MSG.consent);

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      askerName: name,
      askerPhone: phone,
      askerEmail: email,
      askerAddress: address,
      fieldDocumentId: fieldDocumentId!,
      title,
      question,
      converted,
      altcha: input.altcha,
    },
  };
}
