import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  PATHS,
  STAGES,
  SYSTEM_ACTOR,
  decide,
  type Action,
  type Actor,
  type Stage,
  type WorkflowItem,
  type WorkflowPath,
} from '../src/index.ts';

// Expected matrix, written by hand from the issue (not derived from src).
// Each line: action, path, stages → grants. Grant = role letter[:condition].
// C contributor, P portal-admin, E editor, K editor-in-chief, SYS system actor.
// Conditions: own = actor is author; scope = assigned to actor or in actor's field; notown = actor is not the author.
const MATRIX = `
submit   full  draft returned withdrawn : C:own P:own E:own K:own
submit   short draft returned withdrawn : C:own P:own E:own K:own
assign   full  submitted assigned       : P
verify   full  assigned                 : E:scope
approve  full  verified                 : K:notown
approve  short submitted                : K:notown
return   full  submitted                : P K
return   full  assigned                 : E:scope K
return   full  verified scheduled       : K
return   short submitted                : P K
return   short scheduled                : K
withdraw full  published scheduled      : K
withdraw short published scheduled      : K
discard  full  submitted assigned       : P
golive   full  scheduled                : SYS
golive   short scheduled                : SYS
expire   full  published                : SYS
expire   short published                : SYS
`;
const NOT_IN_SHORT_PATH: Action[] = ['assign', 'verify', 'discard'];
const TARGET: Record<Action, Stage> = {
  submit: 'submitted',
  assign: 'assigned',
  verify: 'verified',
  approve: 'published',
  return: 'returned',
  withdraw: 'withdrawn',
  discard: 'discarded',
  golive: 'published',
  expire: 'withdrawn',
};
const CONDITION_CODE: Record<string, string> = { own: 'not-author', scope: 'out-of-scope', notown: 'self-approval' };
const LETTER: Record<string, string> = {
  C: 'contributor',
  P: 'portal-admin',
  E: 'editor',
  K: 'editor-in-chief',
  I: 'inspector',
  F: 'finance',
  A: 'strapi-super-admin',
};

type Grant = { who: string; cond?: string };
const table = new Map<string, Grant[]>();
for (const line of MATRIX.trim().split('\n')) {
  const cut = line.indexOf(' : ');
  const [action, path, ...stages] = line.slice(0, cut).trim().split(/\s+/);
  const grants = line
    .slice(cut + 3)
    .trim()
    .split(/\s+/)
    .map((g) => {
      const [who, cond] = g.split(':');
      return { who: who!, cond };
    });
  for (const stage of stages) table.set(`${action} ${path} ${stage}`, grants);
}

// Actors: every single role, super admin, multi-role users, no role, system.
const ACTORS: Record<string, Actor> = Object.fromEntries(
  ['', 'C', 'P', 'E', 'K', 'I', 'F', 'A', 'CK', 'PE', 'EK', 'IF', 'AK', 'PK'].map((letters) => [
    letters || 'none',
    { id: `u-${letters || 'none'}`, roles: [...letters].map((l) => LETTER[l]!), fieldIds: ['f1'] },
  ]),
);
ACTORS.SYS = SYSTEM_ACTOR;

const RELATIONS = ['own', 'assigned', 'field', 'foreign'] as const;
type Relation = (typeof RELATIONS)[number];

const NOW = Date.parse('2025-06-01T00:00:00Z');
function itemFor(actor: Actor, rel: Relation): WorkflowItem {
  return {
    authorId: rel === 'own' ? actor.id : 'someone',
    assigneeId: rel === 'assigned' ? actor.id : 'other-editor',
    fieldId: rel === 'field' ? 'f1' : 'f9',
    classification: 'thuong',
    kind: 'original',
    provenance: { authorName: 'Nguyễn Văn A', authorAddress: 'Phường 1, Quận 1' },
    goLiveAt: NOW - 1000,
    expiresAt: NOW - 1000,
    discardable: true,
  };
}

function holds(actorKey: string, who: string): boolean {
  if (who === 'SYS') return actorKey === 'SYS';
  return actorKey !== 'SYS' && actorKey.includes(who);
}

function condHolds(cond: string | undefined, rel: Relation): boolean {
  if (!cond) return true;
  if (cond === 'own') return rel === 'own';
  if (cond === 'notown') return rel !== 'own';
  if (cond === 'scope') return rel === 'assigned' || rel === 'field';
  throw new Error(cond);
}

function expected(action: Action, path: WorkflowPath, stage: Stage, actorKey: string, rel: Relation): string {
  if (path === 'short' && NOT_IN_SHORT_PATH.includes(action)) return 'wrong-path';
  const grants = table.get(`${action} ${path} ${stage}`);
  if (!grants) return 'wrong-stage';
  if (grants.some((g) => holds(actorKey, g.who) && condHolds(g.cond, rel))) return `ok:${TARGET[action]}`;
  const held = grants.find((g) => g.cond && holds(actorKey, g.who));
  return held ? CONDITION_CODE[held.cond!]! : 'forbidden-role';
}

describe('decide() — full role × stage × action × path matrix', () => {
  it('matches the hand-written table for every combination', () => {
    const mismatches: string[] = [];
    let count = 0;
    for (const actorKey of Object.keys(ACTORS)) {
      const actor = ACTORS[actorKey]!;
      for (const rel of RELATIONS) {
        for (const path of PATHS) {
          for (const stage of STAGES) {
            for (const action of ACTIONS) {
              count++;
              const d = decide({
                action,
                stage,
                path,
                actor,
                item: itemFor(actor, rel),
                params: { comment: 'Cần bổ sung ảnh', assigneeId: 'ed-2', now: NOW },
              });
              const got = d.ok ? `ok:${d.to}` : d.code;
              const want = expected(action, path, stage, actorKey, rel);
              if (got !== want) mismatches.push(`${actorKey}/${rel}/${path}/${stage}/${action}: got ${got}, want ${want}`);
            }
          }
        }
      }
    }
    expect(count).toBe(15 * 4 * 2 * 9 * 9);
    expect(mismatches).toEqual([]);
  });

  it('sanity of the table itself: every stage has a way out on the full path', () => {
    // Every stage has at least one way out on the full path, but `discarded` (spam questions), which is final.
    for (const stage of STAGES.filter((s) => s !== 'discarded')) {
      expect(
        [...table.keys()].some((k) => k.endsWith(` full ${stage}`)),
        stage,
      ).toBe(true);
    }
  });
});

// Spot checks spelled out literally, independent of the interpreter above.
describe('decide() — literal spot checks', () => {
  const item = (over: Partial<WorkflowItem> = {}): WorkflowItem => ({
    authorId: 1,
    assigneeId: 7,
    fieldId: 3,
    classification: 'thuong',
    provenance: { authorName: 'Trần Thị B', authorAddress: 'Xã An Phú' },
    ...over,
  });
  const p = { comment: 'Sai chính tả', assigneeId: 7, now: NOW };
  const cases: [string, Action, Stage, WorkflowPath, Actor, WorkflowItem, string][] = [
    ['contributor submits own draft', 'submit', 'draft', 'full', { id: 1, roles: ['contributor'] }, item(), 'ok:submitted'],
    ['contributor cannot submit others', 'submit', 'draft', 'full', { id: 2, roles: ['contributor'] }, item(), 'not-author'],
    ['contributor resubmits withdrawn', 'submit', 'withdrawn', 'full', { id: 1, roles: ['contributor'] }, item(), 'ok:submitted'],
    ['contributor never approves', 'approve', 'verified', 'full', { id: 2, roles: ['contributor'] }, item(), 'forbidden-role'],
    ['portal admin assigns', 'assign', 'submitted', 'full', { id: 5, roles: ['portal-admin'] }, item(), 'ok:assigned'],
    ['portal admin re-assigns', 'assign', 'assigned', 'full', { id: 5, roles: ['portal-admin'] }, item(), 'ok:assigned'],
    ['portal admin cannot approve', 'approve', 'verified', 'full', { id: 5, roles: ['portal-admin'] }, item(), 'forbidden-role'],
    ['editor-in-chief cannot assign', 'assign', 'submitted', 'full', { id: 9, roles: ['editor-in-chief'] }, item(), 'forbidden-role'],
    ['assignee editor verifies', 'verify', 'assigned', 'full', { id: 7, roles: ['editor'] }, item(), 'ok:verified'],
    ['field editor verifies', 'verify', 'assigned', 'full', { id: 8, roles: ['editor'], fieldIds: [3] }, item(), 'ok:verified'],
    ['field ids compare as strings', 'verify', 'assigned', 'full', { id: 8, roles: ['editor'], fieldIds: ['3'] }, item(), 'ok:verified'],
    ['other editor refused', 'verify', 'assigned', 'full', { id: 8, roles: ['editor'], fieldIds: [4] }, item(), 'out-of-scope'],
    ['editor cannot approve', 'approve', 'verified', 'full', { id: 7, roles: ['editor'] }, item(), 'forbidden-role'],
    ['chief approves', 'approve', 'verified', 'full', { id: 9, roles: ['editor-in-chief'] }, item(), 'ok:published'],
    ['chief cannot approve own', 'approve', 'verified', 'full', { id: 1, roles: ['editor-in-chief'] }, item(), 'self-approval'],
    ['self-approval by id not name', 'approve', 'verified', 'full', { id: '1', roles: ['editor-in-chief'] }, item(), 'self-approval'],
    ['chief cannot skip review', 'approve', 'submitted', 'full', { id: 9, roles: ['editor-in-chief'] }, item(), 'wrong-stage'],
    ['short path approve', 'approve', 'submitted', 'short', { id: 9, roles: ['editor-in-chief'] }, item(), 'ok:published'],
    ['no assign on short path', 'assign', 'submitted', 'short', { id: 5, roles: ['portal-admin'] }, item(), 'wrong-path'],
    ['chief withdraws', 'withdraw', 'published', 'full', { id: 9, roles: ['editor-in-chief'] }, item(), 'ok:withdrawn'],
    ['chief cancels schedule', 'withdraw', 'scheduled', 'full', { id: 9, roles: ['editor-in-chief'] }, item(), 'ok:withdrawn'],
    ['chief returns scheduled', 'return', 'scheduled', 'short', { id: 9, roles: ['editor-in-chief'] }, item(), 'ok:returned'],
    ['inspector changes nothing', 'return', 'submitted', 'full', { id: 4, roles: ['inspector'] }, item(), 'forbidden-role'],
    ['finance changes nothing', 'submit', 'draft', 'full', { id: 1, roles: ['finance'] }, item(), 'forbidden-role'],
    ['super admin cannot approve', 'approve', 'verified', 'full', { id: 9, roles: ['strapi-super-admin'] }, item(), 'forbidden-role'],
    [
      'super admin + chief can',
      'approve',
      'verified',
      'full',
      { id: 9, roles: ['strapi-super-admin', 'editor-in-chief'] },
      item(),
      'ok:published',
    ],
    ['system golive', 'golive', 'scheduled', 'full', SYSTEM_ACTOR, item(), 'ok:published'],
    ['chief cannot golive', 'golive', 'scheduled', 'full', { id: 9, roles: ['editor-in-chief'] }, item(), 'forbidden-role'],
    ['system cannot approve', 'approve', 'verified', 'full', SYSTEM_ACTOR, item(), 'forbidden-role'],
    ['role named system is not system', 'golive', 'scheduled', 'full', { id: 'system', roles: ['system'] }, item(), 'forbidden-role'],
  ];
  it.each(cases)('%s', (_name, action, stage, path, actor, it_, want) => {
    const d = decide({ action, stage, path, actor, item: it_, params: p });
    expect(d.ok ? `ok:${d.to}` : d.code).toBe(want);
  });
});
