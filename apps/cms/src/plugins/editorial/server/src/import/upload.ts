import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import { uploadRefusal } from '../../../../../lib/upload-type';
import type { AdminUser } from '../actor';
import { getService } from '../seams';

export interface IncomingFile {
  name: string;
  contentType: string;
  bytes: Buffer;
  alt?: string;
}

export interface Uploader {
  /** The member the file is uploaded for (its owner in the media library). */
  user: AdminUser;
  /** Who the audit entry names: the member, or a system writer's label (id null). */
  actorName: string;
  actorId?: number | null;
  /** Where the file came from (a DOCX file name, "mail"), kept in the entry's meta. */
  source: string;
}

const EXT: Record<string, string> = { 'image/png': '.png', 'image/jpeg': '.jpg', 'image/gif': '.gif', 'image/webp': '.webp' };

/**
 * Stores a file that did not come through the media library's routes (pictures of an imported DOCX,
 * attachments of a contribution by e-mail) the way those routes would: the same byte check
 * (apps/cms/src/lib/upload-type.ts), the member as its owner, and a `media-upload` audit entry.
 * Throws the check's Vietnamese message when the file is refused.
 */
export async function uploadFile(
  strapi: Core.Strapi,
  file: IncomingFile,
  by: Uploader,
): Promise<{ id: number; url: string; mime: string }> {
  const name = file.name.normalize('NFC');
  const refusal = await uploadRefusal({ name, declaredType: file.contentType, bytes: file.bytes });
  if (refusal) throw new Error(refusal);
  const dir = await mkdtemp(join(tmpdir(), 'portal-import-'));
  try {
    const path = join(dir, 'file');
    await writeFile(path, file.bytes);
    const [stored] = (await strapi
      .plugin('upload')
      .service('upload')
      .upload(
        {
          data: { fileInfo: { name, alternativeText: file.alt || name, caption: null } },
          files: { filepath: path, originalFilename: name, mimetype: file.contentType, size: file.bytes.length },
        },
        { user: by.user },
      )) as { id: number; url: string; mime: string; name: string }[];
    const hash = createHash('sha256').update(file.bytes).digest('hex');
    await getService(strapi, 'audit').record({
      target: { uid: 'plugin::upload.file', documentId: String(stored.id) },
      action: 'media-upload',
      from: null,
      to: 'media-upload',
      actor: {
        id: by.actorId === undefined ? by.user.id : by.actorId,
        name: by.actorName,
        roles: (by.user.roles ?? []).map((r) => r.code),
      },
      meta: {
        name,
        alternativeText: file.alt || name,
        via: by.source,
        uploadedFor: by.user.id,
        oldHash: null,
        newHash: hash,
        usedBy: [],
      },
      contentHash: hash,
    });
    return stored;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
