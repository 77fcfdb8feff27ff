import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

/**
 * The files the media library accepts, by extension: the type file-type must detect in the bytes and
 * the content types a browser may declare for it. One list: config/plugins.ts derives Strapi's
 * allow list from it, and every upload is checked against it (src/middlewares/upload-content-check.ts).
 */
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODT = 'application/vnd.oasis.opendocument.text';
// Word and Excel 97–2003 are OLE compound files: file-type names only the container.
const CFB = 'application/x-cfb';

interface Kind {
  detected: string;
  declared: readonly string[];
  image?: boolean;
}
const JPEG: Kind = { detected: 'image/jpeg', declared: ['image/jpeg', 'image/pjpeg'], image: true };
export const ACCEPTED: Readonly<Record<string, Kind>> = {
  '.jpg': JPEG,
  '.jpeg': JPEG,
  '.png': { detected: 'image/png', declared: ['image/png'], image: true },
  '.webp': { detected: 'image/webp', declared: ['image/webp'], image: true },
  '.gif': { detected: 'image/gif', declared: ['image/gif'], image: true },
  '.pdf': { detected: 'application/pdf', declared: ['application/pdf'] },
  '.doc': { detected: CFB, declared: ['application/msword'] },
  '.docx': { detected: DOCX, declared: [DOCX] },
  '.xls': { detected: CFB, declared: ['application/vnd.ms-excel'] },
  '.xlsx': { detected: XLSX, declared: [XLSX] },
  '.odt': { detected: ODT, declared: [ODT] },
};

/** Content types for Strapi's own allow list (plugin::upload.security.allowedTypes), detected ones included. */
export const ACCEPTED_TYPES: string[] = [...new Set(Object.values(ACCEPTED).flatMap((k) => [...k.declared, k.detected]))];

const ACCEPTED_LABEL = 'ảnh JPEG, PNG, WebP, GIF; PDF; Word (DOC, DOCX, ODT); Excel (XLS, XLSX)';
// Browsers send these when they do not know a type: then the bytes and the name decide alone.
const GENERIC = new Set(['', 'application/octet-stream']);
// Markup that makes a picture a polyglot (a page a browser could run); a compressed image holds
// such a run of bytes by chance with negligible probability.
const ACTIVE_CONTENT = /<(?:script|html|body|iframe|svg|object|embed|!doctype|\?php)[\s>/]|javascript:/i;

export interface UploadCandidate {
  name: string;
  declaredType?: string | null;
  bytes: Uint8Array;
}

/** Why a file must not be stored (a Vietnamese message), or null when its bytes are what it claims. */
export async function uploadRefusal(file: UploadCandidate): Promise<string | null> {
  const name = file.name.normalize('NFC');
  const ext = extname(name).toLowerCase();
  const kind = ACCEPTED[ext];
  if (!kind) return `Không nhận tệp «${name}»: chỉ được tải lên ${ACCEPTED_LABEL}.`;
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = (await fileTypeFromBuffer(file.bytes))?.mime;
  if (!detected)
    return `Không nhận tệp «${name}»: nội dung tệp không phải là tệp ${ext.slice(1).toUpperCase()} (không nhận ra loại tệp từ nội dung).`;
  if (detected !== kind.detected) return `Không nhận tệp «${name}»: nội dung tệp là ${detected}, không khớp với đuôi tệp ${ext}.`;
  const declared = (file.declaredType ?? '').split(';')[0].trim().toLowerCase();
  if (!GENERIC.has(declared) && !kind.declared.includes(declared))
    return `Không nhận tệp «${name}»: loại khai báo ${declared} không khớp với nội dung tệp (${detected}).`;
  if (kind.image && ACTIVE_CONTENT.test(Buffer.from(file.bytes).toString('latin1')))
    return `Không nhận tệp «${name}»: tệp ảnh có chứa mã HTML hoặc script.`;
  return null;
}

/** The same check for a file the body parser wrote to disk. */
export async function uploadRefusalOfFile(path: string, name: string, declaredType?: string | null): Promise<string | null> {
  return uploadRefusal({ name, declaredType, bytes: await readFile(path) });
}
