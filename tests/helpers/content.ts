import { adminToken, http } from './http.ts';

export const CM = '/content-manager/collection-types';

const WORKFLOW_TYPES = [
  'api::article.article',
  'api::document.document',
  'api::procedure.procedure',
  'api::question.question',
  'api::page.page',
  'api::schedule.schedule',
  'api::contact.contact',
];
const SHORT_PATH = ['api::schedule.schedule', 'api::contact.contact'];

/** Who creates a type by default: contributors write workflow content, the portal admin the rest. */
export const defaultAuthor = (uid: string) => (WORKFLOW_TYPES.includes(uid) ? 'contributor' : 'portal-admin');

/** Creates an entry through the Content Manager API (what the admin UI calls). */
export async function cmCreate(uid: string, data: Record<string, unknown>, role = defaultAuthor(uid)) {
  return http('POST', `${CM}/${uid}`, { token: await adminToken(role), body: data });
}

export async function cmPublish(uid: string, documentId: string, role: string) {
  return http('POST', `${CM}/${uid}/${documentId}/actions/publish`, { token: await adminToken(role), body: {} });
}

export async function transition(role: string, body: Record<string, unknown>) {
  return http('POST', '/editorial/transition', { token: await adminToken(role), body });
}

let editorId: number | null = null;
export async function fieldEditorId(): Promise<number> {
  if (editorId != null) return editorId;
  const res = await http('GET', '/editorial/editors', { token: await adminToken('portal-admin') });
  const me = await http('GET', '/admin/users/me', { token: await adminToken('editor') });
  editorId = (res.body.data as Array<{ id: number }>).find((u) => u.id === me.body.data.id)?.id ?? null;
  if (editorId == null) throw new Error('the test editor is not listed among field editors');
  return editorId;
}

/** Runs an item through the whole review path (submit → assign → verify → approve) and returns the stage. */
export async function publishThroughWorkflow(uid: string, documentId: string): Promise<string> {
  const steps: Array<[string, Record<string, unknown>]> = SHORT_PATH.includes(uid)
    ? [
        ['contributor', { action: 'submit' }],
        ['editor-in-chief', { action: 'approve' }],
      ]
    : [
        ['contributor', { action: 'submit' }],
        ['portal-admin', { action: 'assign', assigneeId: await fieldEditorId() }],
        ['editor', { action: 'verify' }],
        ['editor-in-chief', { action: 'approve' }],
      ];
  let stage = '';
  for (const [role, body] of steps) {
    const res = await transition(role, { uid, documentId, ...body });
    if (res.status !== 200) throw new Error(`${role} ${body.action}: ${res.status} ${JSON.stringify(res.body)}`);
    stage = res.body.data.stage;
  }
  return stage;
}

export const uniq = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export function validArticle(extra: Record<string, unknown> = {}) {
  return {
    title: uniq('Tin thử nghiệm'),
    summary: 'Tóm tắt',
    body: 'Nội dung **thử nghiệm**.',
    kind: 'original',
    classification: 'thuong',
    provenance: { authorName: 'Nguyễn Văn A', authorAddress: 'Khóm 1, thị trấn Hòa Bình' },
    ...extra,
  };
}

/** Every string found anywhere in a JSON value (keys included), for leak checks. */
export function allKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) allKeys(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      allKeys(v, out);
    }
  }
  return out;
}
