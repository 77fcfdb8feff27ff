import {
  ACTIONS,
  ACTION_LABELS,
  AUTHOR_ROLES,
  ROYALTY_GRADE_RANGE,
  STAGE_LABELS,
  isAction,
  isPath,
  isStage,
  type Action,
  type RoleCode,
  type Stage,
  type WorkflowPath,
} from './constants.js';
import { provenanceProblems } from './provenance.js';
import type { ActionParams, Actor, Check, DateInput, DecideInput, Decision, DecisionCode, Id, Refusal, WorkflowItem } from './types.js';

/**
 * The scheduler / seed / import actor. It holds no roles: it may only run golive and expire through decide(),
 * may edit at any stage (imports) and may publish directly (canPublishDirectly). Recognised by `system: true`,
 * which callers must never copy from request data.
 */
export const SYSTEM_ACTOR: Readonly<Actor> = Object.freeze({
  id: 'system',
  roles: Object.freeze([]) as readonly string[],
  system: true,
});

export function isSystemActor(actor: Actor | null | undefined): boolean {
  return actor?.system === true;
}

// ---------------------------------------------------------------------------------------------------------------
// Transition table. A grant is [who, condition]; the actor passes if ANY grant matches one of their roles.

type Who = 'contributor' | 'portal-admin' | 'editor' | 'editor-in-chief' | 'system';
/** own: actor is the author; scope: assigned to actor or in one of actor's fields; not-own: actor is not the author. */
type Cond = 'any' | 'own' | 'scope' | 'not-own';
type Grant = readonly [Who, Cond];
type StageGrants = Partial<Record<Stage, readonly Grant[]>>;
/** null = the action does not exist on that path. */
type Rule = { to: Stage; paths: Record<WorkflowPath, StageGrants | null> };

const AUTHORS: readonly Grant[] = AUTHOR_ROLES.map((r) => [r as Who, 'own'] as const);
const CHIEF: readonly Grant[] = [['editor-in-chief', 'any']];
const CHIEF_NOT_OWN: readonly Grant[] = [['editor-in-chief', 'not-own']];
const ADMIN_OR_CHIEF: readonly Grant[] = [
  ['portal-admin', 'any'],
  ['editor-in-chief', 'any'],
];
const SUBMITTABLE: StageGrants = { draft: AUTHORS, returned: AUTHORS, withdrawn: AUTHORS };
const WITHDRAWABLE: StageGrants = { published: CHIEF, scheduled: CHIEF };

const RULES: Readonly<Record<Action, Rule>> = {
  submit: { to: 'submitted', paths: { full: SUBMITTABLE, short: SUBMITTABLE } },
  assign: {
    to: 'assigned',
    paths: { full: { submitted: [['portal-admin', 'any']], assigned: [['portal-admin', 'any']] }, short: null },
  },
  verify: { to: 'verified', paths: { full: { assigned: [['editor', 'scope']] }, short: null } },
  // `to` is overridden by goLiveAt (published or scheduled).
  approve: { to: 'published', paths: { full: { verified: CHIEF_NOT_OWN }, short: { submitted: CHIEF_NOT_OWN } } },
  return: {
    to: 'returned',
    paths: {
      full: {
        submitted: ADMIN_OR_CHIEF,
        assigned: [
          ['editor', 'scope'],
          ['editor-in-chief', 'any'],
        ],
        verified: CHIEF,
        scheduled: CHIEF,
      },
      short: { submitted: ADMIN_OR_CHIEF, scheduled: CHIEF },
    },
  },
  withdraw: { to: 'withdrawn', paths: { full: WITHDRAWABLE, short: WITHDRAWABLE } },
  // Spam questions (the server allows it for questions only): nothing is deleted, the item leaves every queue.
  discard: {
    to: 'discarded',
    paths: { full: { submitted: [['portal-admin', 'any']], assigned: [['portal-admin', 'any']] }, short: null },
  },
  golive: { to: 'published', paths: { full: { scheduled: [['system', 'any']] }, short: { scheduled: [['system', 'any']] } } },
  expire: { to: 'withdrawn', paths: { full: { published: [['system', 'any']] }, short: { published: [['system', 'any']] } } },
};

const FORBIDDEN_MESSAGES: Readonly<Record<Action, string>> = {
  submit: 'Chỉ tác giả (Cộng tác viên, Quản trị cổng, Biên tập viên, Trưởng ban biên tập) được gửi duyệt bài của mình.',
  assign: 'Chỉ Quản trị cổng được chuyển bài cho biên tập viên.',
  verify: 'Chỉ Biên tập viên được xác nhận đã kiểm tra.',
  approve: 'Chỉ Trưởng ban biên tập được duyệt và xuất bản.',
  return: 'Bạn không có quyền trả lại bài ở trạng thái này.',
  withdraw: 'Chỉ Trưởng ban biên tập được gỡ bài.',
  discard: 'Chỉ Quản trị cổng được loại bỏ câu hỏi rác.',
  golive: 'Chỉ hệ thống được tự động xuất bản.',
  expire: 'Chỉ hệ thống được tự động gỡ bài hết hạn.',
};

const COND_REFUSALS: Readonly<Record<Exclude<Cond, 'any'>, [DecisionCode, string]>> = {
  own: ['not-author', 'Chỉ tác giả được gửi duyệt bài của mình.'],
  scope: ['out-of-scope', 'Bài không được giao cho bạn và không thuộc lĩnh vực bạn phụ trách.'],
  'not-own': ['self-approval', 'Không được duyệt bài do chính mình viết.'],
};

// ---------------------------------------------------------------------------------------------------------------
// Small helpers. Inputs come from JSON/DB, so everything is checked defensively.

function refuse(code: DecisionCode, message: string): Refusal {
  return { ok: false, code, message };
}

function idKey(id: unknown): string | undefined {
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  if (typeof id === 'string' && id.trim() !== '') return id.trim();
  return undefined;
}

/** Same user? Compares ids as strings (1 === '1'); missing ids never match. */
export function sameId(a: unknown, b: unknown): boolean {
  const ka = idKey(a);
  return ka !== undefined && ka === idKey(b);
}

function rolesOf(actor: Actor): readonly string[] {
  return !isSystemActor(actor) && Array.isArray(actor?.roles) ? actor.roles : [];
}

export function hasRole(actor: Actor, role: RoleCode): boolean {
  return rolesOf(actor).includes(role);
}

function isAuthor(actor: Actor, item: WorkflowItem): boolean {
  return sameId(actor?.id, item?.authorId);
}

/** Editor scope: the item is assigned to the actor, or its field is one of the actor's fields. */
function inScope(actor: Actor, item: WorkflowItem): boolean {
  if (sameId(actor?.id, item?.assigneeId)) return true;
  const fields = Array.isArray(actor?.fieldIds) ? actor.fieldIds : [];
  return fields.some((f) => sameId(f, item?.fieldId));
}

function grantMatches([who, cond]: Grant, actor: Actor, item: WorkflowItem): boolean {
  if (who === 'system') return isSystemActor(actor);
  if (!hasRole(actor, who)) return false;
  switch (cond) {
    case 'any':
      return true;
    case 'own':
      return isAuthor(actor, item);
    case 'not-own':
      return !isAuthor(actor, item);
    case 'scope':
      return inScope(actor, item);
  }
}

function toMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string' && value.trim() !== '') return Date.parse(value);
  return Number.NaN;
}

function given(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function provenanceRequired(path: WorkflowPath, item: WorkflowItem): boolean {
  return typeof item?.provenanceRequired === 'boolean' ? item.provenanceRequired : path === 'full';
}

function checkProvenance(path: WorkflowPath, item: WorkflowItem): Refusal | undefined {
  if (!provenanceRequired(path, item)) return undefined;
  const problems = provenanceProblems(item ?? {});
  return problems.length ? refuse('provenance-incomplete', `Chưa đủ thông tin nguồn gốc: ${problems.join(' ')}`) : undefined;
}

/** Anything but "thuong" is classified: refused for publication and for the archive of originals. */
export function checkClassification(item: WorkflowItem): Refusal | undefined {
  return item?.classification === 'thuong'
    ? undefined
    : refuse('classified', 'Chỉ được xuất bản tin bài có độ mật "Thường"; tài liệu mật không được đăng lên cổng.');
}

// ---------------------------------------------------------------------------------------------------------------
// decide()

/** Stage, path and role checks (no parameter validation). */
function checkTransition(action: Action, stage: Stage, path: WorkflowPath, actor: Actor, item: WorkflowItem): Check {
  const stages = RULES[action].paths[path];
  if (!stages) {
    return refuse('wrong-path', `Thao tác "${ACTION_LABELS[action]}" không áp dụng cho quy trình rút gọn.`);
  }
  const grants = stages[stage];
  if (!grants) {
    return refuse('wrong-stage', `Không thể "${ACTION_LABELS[action]}" khi bài ở trạng thái "${STAGE_LABELS[stage]}".`);
  }
  if (grants.some((g) => grantMatches(g, actor, item))) return { ok: true };
  // Held the right role but failed its condition → say why; otherwise the role itself is missing.
  const held = grants.find(([who, cond]) => who !== 'system' && cond !== 'any' && hasRole(actor, who));
  if (held && held[1] !== 'any') {
    const [code, message] = COND_REFUSALS[held[1]];
    return refuse(code, message);
  }
  return refuse('forbidden-role', FORBIDDEN_MESSAGES[action]);
}

/** Everything that depends on the item or params, after the actor is allowed. */
function checkRequirements(action: Action, path: WorkflowPath, item: WorkflowItem, params: ActionParams): Decision {
  const now = params.now === undefined ? Date.now() : toMs(params.now);
  const to = RULES[action].to;
  switch (action) {
    case 'submit':
      return checkProvenance(path, item) ?? { ok: true, to };
    case 'assign':
      return idKey(params.assigneeId) === undefined ? refuse('assignee-required', 'Phải chọn biên tập viên được giao.') : { ok: true, to };
    case 'verify':
      return { ok: true, to };
    case 'return':
      return hasText(params.comment) ? { ok: true, to } : refuse('comment-required', 'Phải nhập lý do khi trả lại.');
    case 'withdraw':
      return hasText(params.comment) ? { ok: true, to } : refuse('comment-required', 'Phải nhập lý do khi gỡ bài.');
    case 'discard':
      if (item?.discardable !== true) return refuse('not-discardable', 'Chỉ câu hỏi của người dân mới được loại bỏ.');
      return hasText(params.comment) ? { ok: true, to } : refuse('comment-required', 'Phải nhập lý do khi loại bỏ.');
    case 'approve': {
      const blocked = checkClassification(item) ?? checkProvenance(path, item);
      if (blocked) return blocked;
      if (Number.isNaN(now)) return refuse('invalid-date', 'Thời điểm hiện tại không hợp lệ.');
      const goLive = given(params.goLiveAt) ? toMs(params.goLiveAt) : now;
      if (Number.isNaN(goLive)) return refuse('invalid-date', 'Thời điểm xuất bản không hợp lệ.');
      if (given(params.expiresAt)) {
        const expires = toMs(params.expiresAt);
        if (Number.isNaN(expires)) return refuse('invalid-date', 'Thời điểm hết hạn không hợp lệ.');
        if (expires <= Math.max(goLive, now)) {
          return refuse('invalid-date', 'Thời điểm hết hạn phải sau thời điểm xuất bản và sau hiện tại.');
        }
      }
      if (given(params.royaltyGrade)) {
        const g = params.royaltyGrade;
        if (typeof g !== 'number' || !Number.isFinite(g) || g < ROYALTY_GRADE_RANGE.min || g > ROYALTY_GRADE_RANGE.max) {
          return refuse(
            'invalid-royalty-grade',
            `Hệ số nhuận bút phải là số từ ${fmt(ROYALTY_GRADE_RANGE.min)} đến ${fmt(ROYALTY_GRADE_RANGE.max)}.`,
          );
        }
      }
      return { ok: true, to: goLive > now ? 'scheduled' : 'published' };
    }
    case 'golive': {
      const blocked = checkClassification(item);
      if (blocked) return blocked;
      if (Number.isNaN(now)) return refuse('invalid-date', 'Thời điểm hiện tại không hợp lệ.');
      // No stored time = publish now; an unreadable one must not go live by accident.
      if (given(item?.goLiveAt)) {
        const at = toMs(item.goLiveAt);
        if (Number.isNaN(at)) return refuse('invalid-date', 'Thời điểm xuất bản không hợp lệ.');
        if (at > now) return refuse('not-due', 'Chưa đến thời điểm xuất bản.');
      }
      return { ok: true, to };
    }
    case 'expire': {
      if (Number.isNaN(now)) return refuse('invalid-date', 'Thời điểm hiện tại không hợp lệ.');
      const at = given(item?.expiresAt) ? toMs(item.expiresAt) : Number.NaN;
      if (Number.isNaN(at) || at > now) return refuse('not-due', 'Chưa đến thời điểm hết hạn.');
      return { ok: true, to };
    }
  }
}

function fmt(n: number): string {
  return String(n).replace('.', ',');
}

/**
 * Decide whether `actor` may take `action` on an item in `stage`, and the resulting stage.
 * Check order: unknown input → wrong-path → wrong-stage → role/ownership/scope → item and params.
 */
export function decide(input: DecideInput): Decision {
  const { action, stage, path } = input ?? ({} as DecideInput);
  if (!isAction(action)) return refuse('unknown-action', 'Thao tác không hợp lệ.');
  if (!isStage(stage)) return refuse('unknown-stage', 'Trạng thái không hợp lệ.');
  if (!isPath(path)) return refuse('unknown-path', 'Quy trình không hợp lệ.');
  const actor = input.actor ?? { id: '', roles: [] };
  const item = input.item ?? {};
  const allowed = checkTransition(action, stage, path, actor, item);
  if (!allowed.ok) return allowed;
  return checkRequirements(action, path, item, input.params ?? {});
}

/** Placeholder params that satisfy every parameter rule, so availableActions reflects role, stage and item only. */
const PROBE_PARAMS: ActionParams = { comment: '-', assigneeId: '-' };

/**
 * Actions the actor can take now (admin panel buttons). Ignores user-entered params (comment, assignee, dates):
 * an action is listed iff decide() succeeds with a comment, an assignee and no dates. Includes golive/expire
 * for SYSTEM_ACTOR only.
 */
export function availableActions(stage: Stage, path: WorkflowPath, actor: Actor, item: WorkflowItem, now?: DateInput): Action[] {
  const params: ActionParams = now === undefined ? PROBE_PARAMS : { ...PROBE_PARAMS, now };
  return ACTIONS.filter((action) => decide({ action, stage, path, actor, item, params }).ok);
}

// ---------------------------------------------------------------------------------------------------------------
// Editing

const EDIT_REFUSALS: Readonly<Record<Stage, string>> = {
  draft: 'Chỉ tác giả được sửa bài nháp.',
  returned: 'Chỉ tác giả được sửa bài bị trả lại.',
  withdrawn: 'Chỉ tác giả được sửa bài đã gỡ để gửi duyệt lại.',
  published: 'Chỉ tác giả được sửa bài đã xuất bản (tạo bản nháp mới để duyệt lại).',
  submitted: 'Bài đang chờ tiếp nhận, không sửa được; người duyệt có thể trả lại để tác giả sửa.',
  assigned: 'Chỉ biên tập viên được giao hoặc phụ trách lĩnh vực được sửa bài đang biên tập.',
  verified: 'Chỉ Trưởng ban biên tập được sửa bài đã kiểm tra.',
  scheduled: 'Bài đang chờ xuất bản, không sửa được; Trưởng ban biên tập có thể trả lại để hủy lịch.',
  discarded: 'Câu hỏi đã bị loại bỏ, không sửa được.',
};

/**
 * May the actor edit the working copy now?
 * - author (any author role): draft, returned, withdrawn, published (published → new draft revision, see stageAfterEdit)
 * - editor in scope: assigned; editor-in-chief: verified (small fixes before approving)
 * - nobody: submitted, scheduled (return it first); SYSTEM_ACTOR: always (imports/seeds)
 * Inspector, finance and super admin never edit content.
 */
export function canEdit(stage: Stage, actor: Actor, item: WorkflowItem): Check {
  if (!isStage(stage)) return refuse('unknown-stage', 'Trạng thái không hợp lệ.');
  if (isSystemActor(actor)) return { ok: true };
  let ok = false;
  let code: DecisionCode = 'forbidden-role';
  switch (stage) {
    case 'draft':
    case 'returned':
    case 'withdrawn':
    case 'published': {
      const author = AUTHOR_ROLES.some((r) => hasRole(actor, r));
      ok = author && isAuthor(actor, item);
      if (author && !ok) code = 'not-author';
      break;
    }
    case 'assigned':
      ok = hasRole(actor, 'editor') && inScope(actor, item);
      if (hasRole(actor, 'editor') && !ok) code = 'out-of-scope';
      break;
    case 'verified':
      ok = hasRole(actor, 'editor-in-chief');
      break;
    case 'submitted':
    case 'scheduled':
    case 'discarded':
      code = 'wrong-stage';
      break;
  }
  return ok ? { ok: true } : refuse(code, EDIT_REFUSALS[stage]);
}

/** Stage after saving an edit: a published item's working copy becomes a draft (the live version stays). */
export function stageAfterEdit(stage: Stage): Stage {
  return stage === 'published' ? 'draft' : stage;
}

/**
 * May this actor put content live without the review chain (Strapi's own publish, seeds, imports)?
 * Only SYSTEM_ACTOR; the editor-in-chief publishes through `approve`.
 */
export function canPublishDirectly(actor: Actor): boolean {
  return isSystemActor(actor);
}

/**
 * Does an item in `stage` wait for this user (queue page)?
 * draft/returned → its author; submitted → portal admins (and the editor-in-chief on the short path);
 * assigned → the assignee or editors of its field; verified → the editor-in-chief.
 * Editors-in-chief do not see their own items as awaiting approval (they may not approve them).
 */
export function waitingFor(actor: Actor, stage: Stage, item: WorkflowItem, path: WorkflowPath): boolean {
  if (isSystemActor(actor)) return false;
  const chiefNotOwn = hasRole(actor, 'editor-in-chief') && !isAuthor(actor, item);
  switch (stage) {
    case 'draft':
    case 'returned':
      return isAuthor(actor, item) && AUTHOR_ROLES.some((r) => hasRole(actor, r));
    case 'submitted':
      return hasRole(actor, 'portal-admin') || (path === 'short' && chiefNotOwn);
    case 'assigned':
      return hasRole(actor, 'editor') && inScope(actor, item);
    case 'verified':
      return chiefNotOwn;
    default:
      return false;
  }
}
