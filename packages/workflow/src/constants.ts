// Codes are stable English identifiers stored in the database; labels are Vietnamese display text.

export const STAGES = [
  'draft',
  'submitted',
  'assigned',
  'verified',
  'scheduled',
  'published',
  'returned',
  'withdrawn',
  'discarded',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  draft: 'Nháp',
  submitted: 'Chờ tiếp nhận',
  assigned: 'Đã chuyển biên tập viên',
  verified: 'Đã kiểm tra',
  scheduled: 'Chờ xuất bản',
  published: 'Đã xuất bản',
  returned: 'Trả lại',
  withdrawn: 'Đã gỡ',
  // Terminal: spam questions the portal administrator discarded (contact details erased at once).
  discarded: 'Đã loại bỏ',
};

export const ACTIONS = ['submit', 'assign', 'verify', 'approve', 'return', 'withdraw', 'discard', 'golive', 'expire'] as const;
export type Action = (typeof ACTIONS)[number];

/** Actions only SYSTEM_ACTOR may take (scheduler); the admin panel should never show them as buttons. */
export const SYSTEM_ACTIONS: readonly Action[] = ['golive', 'expire'];

export const ACTION_LABELS: Readonly<Record<Action, string>> = {
  submit: 'Gửi duyệt',
  assign: 'Chuyển biên tập viên',
  verify: 'Xác nhận đã kiểm tra',
  approve: 'Duyệt và xuất bản',
  return: 'Trả lại',
  withdraw: 'Gỡ bài',
  discard: 'Loại bỏ (câu hỏi rác)',
  golive: 'Tự động xuất bản',
  expire: 'Tự động gỡ khi hết hạn',
};

export const ROLES = {
  contributor: 'contributor',
  portalAdmin: 'portal-admin',
  editor: 'editor',
  editorInChief: 'editor-in-chief',
  inspector: 'inspector',
  finance: 'finance',
  superAdmin: 'strapi-super-admin',
} as const;
export type RoleCode = (typeof ROLES)[keyof typeof ROLES];

export const ROLE_CODES: readonly RoleCode[] = [
  'contributor',
  'portal-admin',
  'editor',
  'editor-in-chief',
  'inspector',
  'finance',
  'strapi-super-admin',
];

/** The four roles an item passes through, in order (contributor → portal administrator → editor → editor-in-chief). */
export const REVIEW_CHAIN: readonly RoleCode[] = [ROLES.contributor, ROLES.portalAdmin, ROLES.editor, ROLES.editorInChief];

export const ROLE_LABELS: Readonly<Record<RoleCode, string>> = {
  contributor: 'Cộng tác viên',
  'portal-admin': 'Quản trị cổng',
  editor: 'Biên tập viên',
  'editor-in-chief': 'Trưởng ban biên tập',
  inspector: 'Thanh tra',
  finance: 'Tài chính – Kế hoạch',
  'strapi-super-admin': 'Quản trị hệ thống',
};

/** Roles that may author content (create items and submit their own). */
export const AUTHOR_ROLES: readonly RoleCode[] = ['contributor', 'portal-admin', 'editor', 'editor-in-chief'];

export const PATHS = ['full', 'short'] as const;
export type WorkflowPath = (typeof PATHS)[number];

/** Content type UID → path. Types not listed are not under the workflow. Override with resolvePath(uid, overrides). */
export const DEFAULT_WORKFLOW_PATHS: Readonly<Record<string, WorkflowPath>> = {
  'api::article.article': 'full',
  'api::document.document': 'full',
  'api::procedure.procedure': 'full',
  'api::question.question': 'full',
  'api::page.page': 'full',
  'api::schedule.schedule': 'short',
  'api::contact.contact': 'short',
};

export const CLASSIFICATIONS = ['thuong', 'mat', 'toi-mat', 'tuyet-mat'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const CLASSIFICATION_LABELS: Readonly<Record<Classification, string>> = {
  thuong: 'Thường',
  mat: 'Mật',
  'toi-mat': 'Tối mật',
  'tuyet-mat': 'Tuyệt mật',
};

/**
 * The level a stored value or a label names, whatever its case, tone marks or separator: "thuong",
 * "Thường", "THUONG" → thuong; "MẬT", "mật" (a TCVN3 stamp converted in lower case) → mat; "Tối mật",
 * "TOI_MAT", "toi-mat" → toi-mat. Null for anything else, which callers treat as classified.
 */
export function classificationOf(value: unknown): Classification | null {
  if (typeof value !== 'string') return null;
  const key = value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim()
    .replace(/[\s_-]+/g, '-');
  return (CLASSIFICATIONS as readonly string[]).includes(key) ? (key as Classification) : null;
}

/** Royalty multiplier bounds (inclusive), validated on approve. */
export const ROYALTY_GRADE_RANGE = { min: 0.5, max: 3 } as const;

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}

export function isPath(value: unknown): value is WorkflowPath {
  return typeof value === 'string' && (PATHS as readonly string[]).includes(value);
}

/** Path for a content type UID, or undefined when the type is not under the workflow. */
export function resolvePath(contentType: string, overrides: Readonly<Record<string, WorkflowPath | null>> = {}): WorkflowPath | undefined {
  // An explicit null override takes a type out of the workflow.
  if (Object.hasOwn(overrides, contentType)) return overrides[contentType] ?? undefined;
  return Object.hasOwn(DEFAULT_WORKFLOW_PATHS, contentType) ? DEFAULT_WORKFLOW_PATHS[contentType] : undefined;
}
