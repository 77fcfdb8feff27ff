import { describe, expect, it } from 'vitest';
import {
  ACTION_LABELS,
  DEFAULT_WORKFLOW_PATHS,
  ROLE_LABELS,
  STAGES,
  STAGE_LABELS,
  SYSTEM_ACTOR,
  allowedOperations,
  availableActions,
  canEdit,
  canOnContentType,
  canPublishDirectly,
  decide,
  provenanceProblems,
  resolvePath,
  stageAfterEdit,
  waitingFor,
  type ActionParams,
  type Actor,
  type DecideInput,
  type WorkflowItem,
} from '../src/index.ts';

const NOW = Date.parse('2025-06-01T08:00:00Z');
const HOUR = 3_600_000;
const chief: Actor = { id: 9, roles: ['editor-in-chief'] };
const author: Actor = { id: 1, roles: ['contributor'] };
const item = (over: Partial<WorkflowItem> = {}): WorkflowItem => ({
  authorId: 1,
  assigneeId: 7,
  fieldId: 3,
  classification: 'thuong',
  kind: 'original',
  provenance: { authorName: 'Lê Văn C', authorAddress: 'Thị trấn Đông Anh' },
  ...over,
});
const approve = (params: ActionParams, over: Partial<DecideInput> = {}) =>
  decide({ action: 'approve', stage: 'verified', path: 'full', actor: chief, item: item(), params, ...over });

describe('approve: dates and royalty grade', () => {
  it('no goLiveAt or a past one publishes now; a future one schedules', () => {
    expect(approve({ now: NOW })).toEqual({ ok: true, to: 'published' });
    expect(approve({ now: NOW, goLiveAt: NOW - HOUR })).toEqual({ ok: true, to: 'published' });
    expect(approve({ now: NOW, goLiveAt: new Date(NOW + HOUR).toISOString() })).toEqual({ ok: true, to: 'scheduled' });
    expect(approve({ now: new Date(NOW), goLiveAt: new Date(NOW + HOUR) })).toEqual({ ok: true, to: 'scheduled' });
  });
  it('expiresAt must be after go-live and after now', () => {
    expect(approve({ now: NOW, expiresAt: NOW + HOUR })).toEqual({ ok: true, to: 'published' });
    expect(approve({ now: NOW, expiresAt: NOW })).toMatchObject({ ok: false, code: 'invalid-date' });
    expect(approve({ now: NOW, goLiveAt: NOW + 2 * HOUR, expiresAt: NOW + HOUR })).toMatchObject({ code: 'invalid-date' });
    expect(approve({ now: NOW, goLiveAt: NOW - 2 * HOUR, expiresAt: NOW - HOUR })).toMatchObject({ code: 'invalid-date' });
  });
  it('unreadable dates are refused', () => {
    expect(approve({ now: NOW, goLiveAt: 'ngày mai' })).toMatchObject({ code: 'invalid-date' });
    expect(approve({ now: NOW, expiresAt: 'x' })).toMatchObject({ code: 'invalid-date' });
    expect(approve({ now: 'not a date' })).toMatchObject({ code: 'invalid-date' });
    expect(approve({ now: NOW, goLiveAt: new Date(Number.NaN) })).toMatchObject({ code: 'invalid-date' });
  });
  it('royaltyGrade is an optional number within the range', () => {
    expect(approve({ now: NOW, royaltyGrade: 1.5 }).ok).toBe(true);
    expect(approve({ now: NOW, royaltyGrade: 0.5 }).ok).toBe(true);
    expect(approve({ now: NOW, royaltyGrade: 3 }).ok).toBe(true);
    expect(approve({ now: NOW, royaltyGrade: null }).ok).toBe(true);
    for (const bad of [0, -1, 0.4, 3.5, Number.NaN, Number.POSITIVE_INFINITY, '2' as unknown as number]) {
      expect(approve({ now: NOW, royaltyGrade: bad })).toMatchObject({ code: 'invalid-royalty-grade' });
    }
  });
});

describe('comment and assignee requirements', () => {
  it('return and withdraw need a non-blank comment', () => {
    const ret = (comment?: string | null) =>
      decide({ action: 'return', stage: 'verified', path: 'full', actor: chief, item: item(), params: { comment } });
    expect(ret()).toEqual({ ok: false, code: 'comment-required', message: 'Phải nhập lý do khi trả lại.' });
    expect(ret('   ')).toMatchObject({ code: 'comment-required' });
    expect(ret(null)).toMatchObject({ code: 'comment-required' });
    expect(ret('Thiếu nguồn ảnh')).toEqual({ ok: true, to: 'returned' });
    const wd = (comment?: string) =>
      decide({ action: 'withdraw', stage: 'published', path: 'full', actor: chief, item: item(), params: { comment } });
    expect(wd('')).toMatchObject({ code: 'comment-required', message: 'Phải nhập lý do khi gỡ bài.' });
    expect(wd('Thông tin đã hết hiệu lực')).toEqual({ ok: true, to: 'withdrawn' });
  });
  it('assign needs an assignee id', () => {
    const admin: Actor = { id: 5, roles: ['portal-admin'] };
    const assign = (assigneeId?: number | string | null) =>
      decide({ action: 'assign', stage: 'submitted', path: 'full', actor: admin, item: item(), params: { assigneeId } });
    expect(assign()).toMatchObject({ code: 'assignee-required' });
    expect(assign('')).toMatchObject({ code: 'assignee-required' });
    expect(assign(null)).toMatchObject({ code: 'assignee-required' });
    expect(assign(7)).toEqual({ ok: true, to: 'assigned' });
    expect(assign('abc123documentId')).toEqual({ ok: true, to: 'assigned' });
  });
  it('role is checked before params: an inspector gets forbidden-role, not comment-required', () => {
    expect(
      decide({ action: 'return', stage: 'submitted', path: 'full', actor: { id: 4, roles: ['inspector'] }, item: item() }),
    ).toMatchObject({ code: 'forbidden-role' });
  });
});

describe('classification blocks approve and golive for everyone', () => {
  for (const classification of ['mat', 'toi-mat', 'tuyet-mat', undefined, null, 'Thuong', '']) {
    it(`classification ${String(classification)}`, () => {
      expect(approve({ now: NOW }, { item: item({ classification }) })).toMatchObject({ code: 'classified' });
      expect(
        decide({
          action: 'approve',
          stage: 'submitted',
          path: 'short',
          actor: chief,
          item: item({ classification }),
          params: { now: NOW },
        }),
      ).toMatchObject({ code: 'classified' });
      expect(
        decide({
          action: 'golive',
          stage: 'scheduled',
          path: 'full',
          actor: SYSTEM_ACTOR,
          item: item({ classification }),
          params: { now: NOW },
        }),
      ).toMatchObject({ code: 'classified' });
      // Withdrawing or returning a classified item must stay possible.
      expect(
        decide({
          action: 'withdraw',
          stage: 'published',
          path: 'full',
          actor: chief,
          item: item({ classification }),
          params: { comment: 'Tài liệu mật' },
        }),
      ).toEqual({ ok: true, to: 'withdrawn' });
    });
  }
});

describe('provenance', () => {
  it('original: author name and address', () => {
    expect(provenanceProblems({ kind: 'original', provenance: { authorName: 'A', authorAddress: 'B' } })).toEqual([]);
    expect(provenanceProblems({ provenance: { authorName: 'A' } })).toEqual(['Thiếu địa chỉ tác giả.']);
    expect(provenanceProblems({})).toEqual(['Thiếu tên tác giả.', 'Thiếu địa chỉ tác giả.']);
  });
  it('collected / translated also need source and collector', () => {
    for (const kind of ['collected', 'translated']) {
      expect(provenanceProblems({ kind, provenance: { authorName: 'A', authorAddress: 'B' } })).toEqual([
        'Thiếu nguồn tin.',
        'Thiếu tên người sưu tầm, biên dịch.',
        'Thiếu địa chỉ người sưu tầm, biên dịch.',
      ]);
      expect(
        provenanceProblems({
          kind,
          provenance: { authorName: 'A', authorAddress: 'B', source: 'Báo Nhân Dân', collectorName: 'D', collectorAddress: 'E' },
        }),
      ).toEqual([]);
    }
    expect(provenanceProblems({ kind: 'stolen', provenance: { authorName: 'A', authorAddress: 'B' } })).toEqual([
      'Loại tin bài không hợp lệ.',
    ]);
  });
  it('submit (and approve) refuse incomplete provenance on the full path; the short path skips it unless asked', () => {
    const bare = item({ provenance: { authorName: ' ' }, kind: 'translated' });
    const submit = (path: 'full' | 'short', it_: WorkflowItem) =>
      decide({ action: 'submit', stage: 'draft', path, actor: author, item: it_ });
    const d = submit('full', bare);
    expect(d).toMatchObject({ ok: false, code: 'provenance-incomplete' });
    expect(!d.ok && d.message).toContain('Thiếu tên tác giả.');
    expect(submit('short', bare)).toEqual({ ok: true, to: 'submitted' });
    expect(submit('short', { ...bare, provenanceRequired: true })).toMatchObject({ code: 'provenance-incomplete' });
    expect(submit('full', { ...bare, provenanceRequired: false })).toEqual({ ok: true, to: 'submitted' });
    expect(approve({ now: NOW }, { item: bare })).toMatchObject({ code: 'provenance-incomplete' });
  });
});

describe('golive and expire', () => {
  const sys = (action: 'golive' | 'expire', stage: 'scheduled' | 'published', it_: WorkflowItem) =>
    decide({ action, stage, path: 'full', actor: SYSTEM_ACTOR, item: it_, params: { now: NOW } });
  it('golive waits for the stored go-live time', () => {
    expect(sys('golive', 'scheduled', item({ goLiveAt: NOW + 1 }))).toMatchObject({ code: 'not-due' });
    expect(sys('golive', 'scheduled', item({ goLiveAt: NOW }))).toEqual({ ok: true, to: 'published' });
    expect(sys('golive', 'scheduled', item({ goLiveAt: 'garbage' }))).toMatchObject({ code: 'invalid-date' });
  });
  it('expire needs a passed expiry', () => {
    expect(sys('expire', 'published', item())).toMatchObject({ code: 'not-due' });
    expect(sys('expire', 'published', item({ expiresAt: NOW + 1 }))).toMatchObject({ code: 'not-due' });
    expect(sys('expire', 'published', item({ expiresAt: NOW - 1 }))).toEqual({ ok: true, to: 'withdrawn' });
  });
});

describe('unknown input', () => {
  it('refuses unknown action, stage, path', () => {
    const base = { action: 'submit', stage: 'draft', path: 'full', actor: author, item: item() } as DecideInput;
    expect(decide({ ...base, action: 'publish' as never })).toMatchObject({ code: 'unknown-action' });
    expect(decide({ ...base, stage: 'archived' as never })).toMatchObject({ code: 'unknown-stage' });
    expect(decide({ ...base, path: 'fast' as never })).toMatchObject({ code: 'unknown-path' });
  });
});

describe('canEdit / stageAfterEdit', () => {
  const editor: Actor = { id: 7, roles: ['editor'], fieldIds: [] };
  it('author edits own draft, returned, withdrawn and published (new revision)', () => {
    for (const stage of ['draft', 'returned', 'withdrawn', 'published'] as const) {
      expect(canEdit(stage, author, item()).ok, stage).toBe(true);
      expect(canEdit(stage, { id: 2, roles: ['contributor'] }, item())).toMatchObject({ ok: false, code: 'not-author' });
    }
    expect(stageAfterEdit('published')).toBe('draft');
    for (const s of STAGES.filter((x) => x !== 'published')) expect(stageAfterEdit(s)).toBe(s);
  });
  it('nobody edits submitted or scheduled items; review stages belong to their reviewer', () => {
    for (const a of [author, editor, chief, { id: 5, roles: ['portal-admin'] }]) {
      expect(canEdit('submitted', a, item()).ok).toBe(false);
      expect(canEdit('scheduled', a, item()).ok).toBe(false);
    }
    expect(canEdit('assigned', editor, item()).ok).toBe(true);
    expect(canEdit('assigned', { id: 8, roles: ['editor'], fieldIds: [4] }, item())).toMatchObject({ code: 'out-of-scope' });
    expect(canEdit('assigned', author, item()).ok).toBe(false);
    expect(canEdit('verified', chief, item()).ok).toBe(true);
    expect(canEdit('verified', editor, item()).ok).toBe(false);
  });
  it('inspector, finance, super admin never edit; system always may', () => {
    for (const role of ['inspector', 'finance', 'strapi-super-admin']) {
      for (const stage of STAGES) expect(canEdit(stage, { id: 1, roles: [role] }, item()).ok).toBe(false);
    }
    for (const stage of STAGES) expect(canEdit(stage, SYSTEM_ACTOR, item()).ok).toBe(true);
  });
  it('canPublishDirectly is the system actor only', () => {
    expect(canPublishDirectly(SYSTEM_ACTOR)).toBe(true);
    expect(canPublishDirectly(chief)).toBe(false);
    expect(canPublishDirectly({ id: 1, roles: ['strapi-super-admin'] })).toBe(false);
  });
});

describe('waitingFor', () => {
  const admin: Actor = { id: 5, roles: ['portal-admin'] };
  const editor: Actor = { id: 7, roles: ['editor'] };
  it('routes each stage to the right queue', () => {
    expect(waitingFor(author, 'draft', item(), 'full')).toBe(true);
    expect(waitingFor(author, 'returned', item(), 'full')).toBe(true);
    expect(waitingFor({ id: 2, roles: ['contributor'] }, 'returned', item(), 'full')).toBe(false);
    expect(waitingFor(admin, 'submitted', item(), 'full')).toBe(true);
    expect(waitingFor(chief, 'submitted', item(), 'full')).toBe(false);
    expect(waitingFor(chief, 'submitted', item(), 'short')).toBe(true);
    expect(waitingFor(editor, 'assigned', item(), 'full')).toBe(true);
    expect(waitingFor({ id: 8, roles: ['editor'], fieldIds: [3] }, 'assigned', item(), 'full')).toBe(true);
    expect(waitingFor({ id: 8, roles: ['editor'], fieldIds: [4] }, 'assigned', item(), 'full')).toBe(false);
    expect(waitingFor(chief, 'verified', item(), 'full')).toBe(true);
    expect(waitingFor(chief, 'verified', item({ authorId: 9 }), 'full')).toBe(false);
    expect(waitingFor({ id: 4, roles: ['inspector'] }, 'verified', item(), 'full')).toBe(false);
    for (const s of ['scheduled', 'published', 'withdrawn'] as const) expect(waitingFor(chief, s, item(), 'full')).toBe(false);
  });
});

describe('availableActions', () => {
  it('lists panel buttons', () => {
    expect(availableActions('verified', 'full', chief, item(), NOW)).toEqual(['approve', 'return']);
    expect(availableActions('verified', 'full', { id: 1, roles: ['editor-in-chief'] }, item(), NOW)).toEqual(['return']);
    expect(availableActions('submitted', 'full', { id: 5, roles: ['portal-admin'] }, item())).toEqual(['assign', 'return']);
    expect(availableActions('published', 'full', chief, item())).toEqual(['withdraw']);
    expect(availableActions('draft', 'full', author, item())).toEqual(['submit']);
    expect(availableActions('draft', 'full', author, item({ provenance: null }))).toEqual([]);
    expect(availableActions('verified', 'full', { id: 4, roles: ['inspector', 'finance'] }, item())).toEqual([]);
    expect(availableActions('scheduled', 'full', SYSTEM_ACTOR, item({ goLiveAt: NOW }), NOW)).toEqual(['golive']);
  });
});

describe('labels and messages', () => {
  it('Vietnamese labels are NFC and complete', () => {
    const all = [...Object.values(STAGE_LABELS), ...Object.values(ACTION_LABELS), ...Object.values(ROLE_LABELS)];
    for (const s of all) expect(s).toBe(s.normalize('NFC'));
    expect(STAGE_LABELS.submitted).toBe('Chờ tiếp nhận');
    expect(ROLE_LABELS['editor-in-chief']).toBe('Trưởng ban biên tập');
    expect(ROLE_LABELS.finance).toBe('Tài chính – Kế hoạch');
    expect(ACTION_LABELS.approve).toBe('Duyệt và xuất bản');
  });
  it('refusal messages are NFC', () => {
    expect(approve({ now: NOW }, { actor: { id: 2, roles: ['editor'] } })).toMatchObject({
      message: 'Chỉ Trưởng ban biên tập được duyệt và xuất bản.',
    });
    expect(approve({ now: NOW }, { actor: { id: 1, roles: ['editor-in-chief'] } })).toMatchObject({
      message: 'Không được duyệt bài do chính mình viết.',
    });
    for (const stage of STAGES) {
      const d = decide({ action: 'approve', stage, path: 'full', actor: author, item: {} });
      if (!d.ok) expect(d.message).toBe(d.message.normalize('NFC'));
    }
  });
});

describe('content permissions and paths', () => {
  it('default path config and overrides', () => {
    expect(DEFAULT_WORKFLOW_PATHS['api::article.article']).toBe('full');
    expect(resolvePath('api::schedule.schedule')).toBe('short');
    expect(resolvePath('api::link.link')).toBeUndefined();
    expect(resolvePath('api::page.page', { 'api::page.page': 'short' })).toBe('short');
    expect(resolvePath('api::page.page', { 'api::page.page': null })).toBeUndefined();
    expect(resolvePath('toString')).toBeUndefined();
  });
  it('role × content type', () => {
    expect(allowedOperations({ id: 5, roles: ['portal-admin'] }, 'api::link.link')).toEqual(['read', 'create', 'update', 'delete']);
    expect(canOnContentType({ id: 1, roles: ['contributor'] }, 'api::link.link', 'create')).toBe(false);
    expect(canOnContentType({ id: 1, roles: ['contributor'] }, 'api::article.article', 'create')).toBe(true);
    // a contributor's relation pickers list fields, units and boards by name: they may read them, not change them
    for (const uid of ['api::field.field', 'api::unit.unit', 'api::board.board'])
      expect(allowedOperations({ id: 1, roles: ['contributor'] }, uid)).toEqual(['read']);
    expect(allowedOperations({ id: 1, roles: ['contributor'] }, 'api::link.link')).toEqual([]);
    expect(allowedOperations({ id: 4, roles: ['inspector'] }, 'api::article.article')).toEqual(['read']);
    expect(allowedOperations({ id: 3, roles: ['finance'] }, 'api::article.article')).toEqual([]);
    expect(allowedOperations({ id: 3, roles: ['strapi-super-admin'] }, 'api::article.article')).toEqual([]);
    expect(canOnContentType({ id: 3, roles: ['strapi-super-admin'] }, 'api::site-setting.site-setting', 'update')).toBe(true);
    expect(allowedOperations({ id: 3, roles: ['editor'] }, 'api::unknown.unknown')).toEqual([]);
    expect(
      allowedOperations({ id: 1, roles: ['finance', 'inspector'] }, 'api::article.article', {
        'api::article.article': { finance: ['read', 'update'] },
      }),
    ).toEqual(['read', 'update']);
  });
});

describe('discard (spam questions)', () => {
  const question = { authorId: null, assigneeId: 7, fieldId: 3, classification: 'thuong', discardable: true };
  const admin = { id: 5, roles: ['portal-admin'] };
  it('the portal administrator discards a submitted or assigned question with a reason', () => {
    expect(
      decide({ action: 'discard', stage: 'submitted', path: 'full', actor: admin, item: question, params: { comment: 'Thư rác' } }),
    ).toEqual({
      ok: true,
      to: 'discarded',
    });
    expect(
      decide({ action: 'discard', stage: 'assigned', path: 'full', actor: admin, item: question, params: { comment: 'Quảng cáo' } }).ok,
    ).toBe(true);
    expect(decide({ action: 'discard', stage: 'submitted', path: 'full', actor: admin, item: question, params: {} })).toMatchObject({
      code: 'comment-required',
    });
  });
  it('nothing else is discarded, and nobody else discards', () => {
    const article = { ...question, discardable: undefined };
    expect(
      decide({ action: 'discard', stage: 'submitted', path: 'full', actor: admin, item: article, params: { comment: 'x' } }),
    ).toMatchObject({
      code: 'not-discardable',
    });
    for (const roles of [['editor'], ['editor-in-chief'], ['contributor'], ['inspector'], ['finance']]) {
      expect(
        decide({ action: 'discard', stage: 'submitted', path: 'full', actor: { id: 9, roles }, item: question, params: { comment: 'x' } })
          .ok,
      ).toBe(false);
    }
    expect(decide({ action: 'discard', stage: 'published', path: 'full', actor: admin, item: question, params: { comment: 'x' } }).ok).toBe(
      false,
    );
  });
  it('a discarded question waits for nobody and cannot be edited', () => {
    for (const roles of [['portal-admin'], ['editor'], ['editor-in-chief'], ['contributor']]) {
      expect(waitingFor({ id: 7, roles }, 'discarded', question, 'full')).toBe(false);
      expect(canEdit('discarded', { id: 7, roles }, question).ok).toBe(false);
    }
    expect(availableActions('discarded', 'full', admin, question)).toEqual([]);
    expect(availableActions('submitted', 'full', admin, question)).toContain('discard');
  });
});
