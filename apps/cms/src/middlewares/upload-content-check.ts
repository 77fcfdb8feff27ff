import { unlink } from 'node:fs/promises';
import { errors } from '@strapi/utils';
import { uploadRefusalOfFile } from '../lib/upload-type';

// Every file sent to the media library (admin and content API, new files and replacements) is checked
// against its bytes before anything else touches it (src/lib/upload-type.ts): Strapi's own check
// trusts the name when the bytes are not recognised, so an HTML page named evil.jpg went through.
const UPLOAD_ROUTE = /^\/(?:api\/)?upload(?:\/|$)/;

type ParsedFile = { filepath?: string; originalFilename?: string | null; mimetype?: string | null };

export default () => {
  return async (ctx: any, next: () => Promise<void>) => {
    const parsed = ctx.request.files as Record<string, ParsedFile | ParsedFile[]> | undefined;
    if (!parsed || !UPLOAD_ROUTE.test(ctx.path)) return next();
    const files = Object.values(parsed)
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .filter((f) => f?.filepath);
    for (const file of files) {
      const refusal = await uploadRefusalOfFile(file.filepath!, file.originalFilename ?? '', file.mimetype);
      if (refusal) {
        // Nothing of a refused request is kept, not even the parser's temporary files.
        await Promise.all(files.map((f) => unlink(f.filepath!).catch(() => undefined)));
        throw new errors.ValidationError(refusal);
      }
    }
    return next();
  };
};
