// Royalty kinds, the rate table and how an item is classed. Pure.

// ---------------------------------------------------------------------------------------------------
// Royalty kinds and rates

export const ROYALTY_KINDS = ['news', 'article', 'photo', 'collected', 'translated', 'answer'] as const;
export type RoyaltyKind = (typeof ROYALTY_KINDS)[number];

export const ROYALTY_KIND_LABELS: Readonly<Record<RoyaltyKind, string>> = {
  news: 'Tin',
  article: 'Bài',
  photo: 'Ảnh',
  collected: 'Tin, bài sưu tầm',
  translated: 'Tin, bài dịch',
  answer: 'Trả lời câu hỏi',
};

export interface RoyaltyRate {
  kind: RoyaltyKind;
  /** Points (điểm nhuận bút) for one published item of this kind. */
  points: number;
  /** Multiplier used when the editor-in-chief set none at approval. */
  defaultGrade: number;
}

export interface RateTable {
  /** Amount in đồng of one point. */
  pointValue: number;
  rates: RoyaltyRate[];
  updatedAt?: string | null;
  updatedBy?: string | null;
}

export const DEFAULT_RATE_TABLE: RateTable = {
  pointValue: 100_000,
  rates: [
    { kind: 'news', points: 3, defaultGrade: 1 },
    { kind: 'article', points: 8, defaultGrade: 1 },
    { kind: 'photo', points: 2, defaultGrade: 1 },
    { kind: 'collected', points: 1, defaultGrade: 1 },
    { kind: 'translated', points: 4, defaultGrade: 1 },
    { kind: 'answer', points: 2, defaultGrade: 1 },
  ],
};

/** Validates a rate table sent by the page; returns the problems (Vietnamese) or the normalised table. */
export function validateRateTable(
  input: unknown,
  gradeRange = { min: 0.5, max: 3 },
): { ok: true; table: RateTable } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const t = input as Partial<RateTable> | null;
  if (!t || typeof t !== 'object') return { ok: false, errors: ['Bảng nhuận bút không hợp lệ.'] };
  const pointValue = Number(t.pointValue);
  if (!Number.isFinite(pointValue) || pointValue < 0 || pointValue > 100_000_000)
    errors.push('Giá trị một điểm phải là số từ 0 đến 100.000.000 đồng.');
  if (!Array.isArray(t.rates)) errors.push('Thiếu danh sách mức nhuận bút.');
  const rates: RoyaltyRate[] = [];
  const seen = new Set<string>();
  for (const r of Array.isArray(t.rates) ? t.rates : []) {
    const kind = (r as RoyaltyRate)?.kind;
    if (!(ROYALTY_KINDS as readonly string[]).includes(kind)) {
      errors.push(`Loại nhuận bút không hợp lệ: ${String(kind)}`);
      continue;
    }
    if (seen.has(kind)) errors.push(`Loại ${ROYALTY_KIND_LABELS[kind]} bị lặp.`);
    seen.add(kind);
    const points = Number(r.points);
    const defaultGrade = Number(r.defaultGrade);
    if (!Number.isFinite(points) || points < 0 || points > 1000)
      errors.push(`Điểm của loại ${ROYALTY_KIND_LABELS[kind]} phải từ 0 đến 1000.`);
    if (!Number.isFinite(defaultGrade) || defaultGrade < gradeRange.min || defaultGrade > gradeRange.max) {
      errors.push(`Hệ số mặc định của loại ${ROYALTY_KIND_LABELS[kind]} phải từ ${gradeRange.min} đến ${gradeRange.max}.`);
    }
    rates.push({ kind, points, defaultGrade });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, table: { pointValue, rates } };
}

/** Word count limits that tell a news item (tin) from an article (bài) and a photo story (ảnh). */
export const ROYALTY_WORDS = { photoMax: 100, articleMin: 600 } as const;

const words = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * The royalty kind of an item from its content: questions answered → answer; collected and translated
 * articles → collected / translated; original articles → photo (pictures with under 100 words of text),
 * article (600 words or more) or news. Other types earn no royalty (null).
 */
export function royaltyKindOf(uid: string, doc: Record<string, any> | null | undefined): RoyaltyKind | null {
  if (!doc) return null;
  if (uid === 'api::question.question') return 'answer';
  if (uid !== 'api::article.article') return null;
  if (doc.kind === 'collected') return 'collected';
  if (doc.kind === 'translated') return 'translated';
  const body = String(doc.body ?? '');
  const images = (body.match(/!\[[^\]]*\]\([^)]*\)/g) ?? []).length + (doc.cover ? 1 : 0);
  const text = body.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ').replace(/\]\([^)]*\)/g, ' ');
  const n = words(text);
  if (images > 0 && n < ROYALTY_WORDS.photoMax) return 'photo';
  return n >= ROYALTY_WORDS.articleMin ? 'article' : 'news';
}
