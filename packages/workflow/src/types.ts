import type { Action, Stage, WorkflowPath } from './constants.js';

/** Strapi ids may be numeric ids or documentId strings; compared as strings. */
export type Id = number | string;

/** Date, ISO string or epoch milliseconds. */
export type DateInput = Date | string | number;

export interface Actor {
  id: Id;
  /** Role codes; rules use the union of all roles. Unknown codes are ignored. */
  roles: readonly string[];
  /** Fields (lĩnh vực) this user edits as Biên tập viên. */
  fieldIds?: readonly Id[];
  /** Only SYSTEM_ACTOR sets this; never build it from request data. */
  system?: boolean;
}

export interface Provenance {
  authorName?: string | null;
  authorAddress?: string | null;
  source?: string | null;
  collectorName?: string | null;
  collectorAddress?: string | null;
}

export interface WorkflowItem {
  authorId?: Id | null;
  assigneeId?: Id | null;
  fieldId?: Id | null;
  /** Only 'thuong' may be published; anything else (including missing) blocks approve and golive. */
  classification?: string | null;
  /** 'original' (default) | 'collected' | 'translated'. */
  kind?: string | null;
  provenance?: Provenance | null;
  /** Whether submit/approve check provenance. Default: true on the full path, false on the short path. */
  provenanceRequired?: boolean;
  /** Stored go-live time of a scheduled item (checked by golive). */
  goLiveAt?: DateInput | null;
  /** Stored expiry time of a published item (checked by expire). */
  expiresAt?: DateInput | null;
  /** May be discarded as spam (citizens' questions only; missing = no). */
  discardable?: boolean;
}

export interface ActionParams {
  comment?: string | null;
  assigneeId?: Id | null;
  goLiveAt?: DateInput | null;
  expiresAt?: DateInput | null;
  royaltyGrade?: number | null;
  /** Defaults to Date.now(); pass it explicitly for reproducible decisions. */
  now?: DateInput;
}

export interface DecideInput {
  action: Action;
  stage: Stage;
  path: WorkflowPath;
  actor: Actor;
  item: WorkflowItem;
  params?: ActionParams;
}

export type DecisionCode =
  | 'unknown-action'
  | 'unknown-stage'
  | 'unknown-path'
  | 'wrong-path'
  | 'wrong-stage'
  | 'forbidden-role'
  | 'not-author'
  | 'out-of-scope'
  | 'self-approval'
  | 'comment-required'
  | 'assignee-required'
  | 'classified'
  | 'provenance-incomplete'
  | 'invalid-date'
  | 'invalid-royalty-grade'
  | 'not-due'
  | 'not-discardable';

export type Refusal = { ok: false; code: DecisionCode; message: string };
export type Decision = { ok: true; to: Stage } | Refusal;
export type Check = { ok: true } | Refusal;
