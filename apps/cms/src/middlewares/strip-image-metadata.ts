import { readFile, writeFile } from 'fs/promises';
import type { Core } from '@strapi/strapi';
import sharp from 'sharp';

// Photos from phones carry EXIF, often with GPS coordinates of the author's home: uploaded images
// are re-encoded without metadata (orientation applied first) before the upload plugin stores them.
const IMAGE = /^image\/(jpeg|png|webp|tiff|avif)$/;
const UPLOAD_PATHS = new Set(['/upload', '/api/upload']);

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: any, next: () => Promise<void>) => {
    if (ctx.method === 'POST' && UPLOAD_PATHS.has(ctx.path) && ctx.request.files) {
      for (const value of Object.values(ctx.request.files)) {
        for (const file of (Array.isArray(value) ? value : [value]) as Array<{ filepath?: string; mimetype?: string; size?: number }>) {
          if (!file?.filepath || !IMAGE.test(file.mimetype ?? '')) continue;
          try {
            const clean = await sharp(await readFile(file.filepath))
              .rotate()
              .toBuffer();
            await writeFile(file.filepath, clean);
            file.size = clean.length;
          } catch (e) {
            // Not a decodable image despite its type: the upload plugin's own checks refuse it.
            strapi.log.warn(`upload: could not strip metadata of ${file.mimetype} file: ${(e as Error).message}`);
          }
        }
      }
    }
    await next();
  };
};
