import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  PATHS,
  ROLE_CODES,
  STAGES,
  SYSTEM_ACTOR,
  availableActions,
  decide,
  type Action,
  type ActionParams,
  type Actor,
  type Stage,
  type WorkflowItem,
  type WorkflowPath,
} from '../src/index.ts';

const NOW = Date.parse('2025-06-01T08:00:00Z');
const HOUR = 3_600_000;
const ids = fc.constantFrom<number | string>(1, 2, 3, '1', 'u9');

const actorArb = (roles: readonly string[]): fc.Arbitrary<Actor> =>
  fc.oneof(
    { weight: 9, arbitrary: fc.record({ id: ids, roles: fc.subarray([...roles]), fieldIds: fc.subarray([1, 2, 'f3']) }) },
    { weight: 1, arbitrary: fc.constant(SYSTEM_ACTOR) },
  );

const paramsArb: fc.Arbitrary<ActionParams> = fc.record(
  {
    comment: fc.constantFrom('', ' ', 'Lý do', undefined),
    assigneeId: fc.option(ids, { nil: undefined }),
    goLiveAt: fc.constantFrom(undefined, NOW - HOUR, NOW + HOUR, 'xx'),
    expiresAt: fc.constantFrom(undefined, NOW + 2 * HOUR, NOW - HOUR),
    royaltyGrade: fc.constantFrom(undefined, 1, 0, 2.5),
    now: fc.constantFrom(NOW, NOW + 3 * HOUR),
  },
  { requiredKeys: ['now'] },
);

const stepArb = (roles: readonly string[]) => fc.record({ action: fc.constantFrom(...ACTIONS), actor: actorArb(roles), params: paramsArb });

/** Run a sequence; assign updates the item's assignee and approve stores its times, as the plugin would. */
function run(
  start: Stage,
  path: WorkflowPath,
  item: WorkflowItem,
  steps: { action: Action; actor: Actor; params: ActionParams }[],
  visit: (stage: Stage) => void,
) {
  let stage = start;
  const it: WorkflowItem = { ...item };
  for (const s of steps) {
    const d = decide({ action: s.action, stage, path, actor: s.actor, item: it, params: s.params });
    if (!d.ok) continue;
    stage = d.to;
    if (s.action === 'assign') it.assigneeId = s.params.assigneeId ?? null;
    if (s.action === 'approve') {
      it.goLiveAt = s.params.goLiveAt ?? null;
      it.expiresAt = s.params.expiresAt ?? null;
    }
    visit(stage);
  }
}

const goodItem: WorkflowItem = {
  authorId: 1,
  fieldId: 1,
  classification: 'thuong',
  kind: 'original',
  provenance: { authorName: 'A', authorAddress: 'B' },
};

describe('properties', () => {
  it('without an editor-in-chief nothing ever reaches published or scheduled', () => {
    const nonChief = [...ROLE_CODES.filter((r) => r !== 'editor-in-chief'), 'system', 'admin'];
    fc.assert(
      fc.property(
        // Start anywhere before go-live, so review stages are reached often, not only via long random walks.
        fc.constantFrom(...STAGES.filter((s) => s !== 'published' && s !== 'scheduled')),
        fc.constantFrom(...PATHS),
        fc.array(stepArb(nonChief), { maxLength: 40 }),
        (start, path, steps) => {
          run(start, path, goodItem, steps, (stage) => {
            expect(stage).not.toBe('published');
            expect(stage).not.toBe('scheduled');
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('classified items never reach published or scheduled, whoever acts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STAGES.filter((s) => s !== 'published' && s !== 'scheduled')),
        fc.constantFrom(...PATHS),
        fc.constantFrom('mat', 'toi-mat', 'tuyet-mat', undefined, null, 'THUONG', ''),
        fc.array(stepArb(ROLE_CODES), { maxLength: 40 }),
        (start, path, classification, steps) => {
          run(start, path, { ...goodItem, classification }, steps, (stage) => {
            expect(['published', 'scheduled']).not.toContain(stage);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('decide never throws and every success is a valid stage, even on junk input', () => {
    const junk = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.date(), fc.double());
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...ACTIONS), fc.string()),
        fc.oneof(fc.constantFrom(...STAGES), fc.string()),
        fc.oneof(fc.constantFrom(...PATHS), fc.string()),
        fc.record({ id: fc.oneof(ids, fc.string()), roles: fc.array(fc.oneof(fc.constantFrom(...ROLE_CODES), fc.string())) }),
        fc.record({
          authorId: junk,
          assigneeId: junk,
          fieldId: junk,
          classification: fc.oneof(fc.constant('thuong'), junk),
          kind: junk,
          goLiveAt: junk,
          expiresAt: junk,
        }),
        fc.record({ comment: junk, assigneeId: junk, goLiveAt: junk, expiresAt: junk, royaltyGrade: junk, now: junk }),
        (action, stage, path, actor, item, params) => {
          const d = decide({ action, stage, path, actor, item, params } as never);
          if (d.ok) expect(STAGES).toContain(d.to);
          else expect(typeof d.message).toBe('string');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('availableActions agrees with decide() given a comment and an assignee', () => {
    const item = fc.record({
      authorId: ids,
      assigneeId: fc.option(ids, { nil: undefined }),
      fieldId: fc.option(fc.constantFrom(1, 2, 'f3'), { nil: undefined }),
      classification: fc.constantFrom('thuong', 'thuong', 'mat'),
      kind: fc.constantFrom('original', 'collected'),
      provenance: fc.constantFrom(null, { authorName: 'A', authorAddress: 'B' }),
      goLiveAt: fc.constantFrom(undefined, NOW - 1, NOW + 1),
      expiresAt: fc.constantFrom(undefined, NOW - 1, NOW + 1),
    });
    fc.assert(
      fc.property(fc.constantFrom(...STAGES), fc.constantFrom(...PATHS), actorArb(ROLE_CODES), item, (stage, path, actor, it) => {
        const listed = availableActions(stage, path, actor, it, NOW);
        for (const action of ACTIONS) {
          const d = decide({ action, stage, path, actor, item: it, params: { comment: 'ok', assigneeId: 7, now: NOW } });
          expect(listed.includes(action), action).toBe(d.ok);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
