import { adminToken, http } from './http.ts';

export const CM = '/content-manager/collection-types';

/** Creates an entry through the Content Manager API (what the admin UI calls). */
export async function cmCreate(uid: string, data: Record<string, unknown>, role = 'strapi-super-admin') {
  return http('POST', `${CM}/${uid}`, { token: await adminToken(role), body: data });
}

export async function cmPublish(uid: string, documentId: string, role = 'strapi-super-admin') {
  return http('POST', `${CM}/${uid}/${documentId}/actions/publish`, { token: await adminToken(role), body: {} });
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
  if (Array.isArray(value)) value.forEach((v) => allKeys(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      allKeys(v, out);
    }
  }
  return out;
}
