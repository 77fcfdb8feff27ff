/**
 * Responsive images for CMS media through astro:assets (sharp). The build fetches the original from
 * CMS_URL and decodes it once per URL before handing it to getImage(): a file that is gone (HTTP error)
 * or does not decode completely (truncated or corrupt upload) is left out of the page, with a warning
 * in the build log, instead of failing the whole build in Astro's image step. If the CMS cannot be
 * reached at all, the page falls back to a plain <img> pointing at the public URL.
 */
import { getImage } from 'astro:assets';
import sharp from 'sharp';
import type { Media } from '@cong-ttdt/content';
import { buildMediaUrl, publicMediaUrl } from './media';

type Probe = 'ok' | 'unreachable' | 'broken';
const probes = new Map<string, Promise<Probe>>();

async function probeOnce(url: string): Promise<Probe> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  } catch {
    console.warn(`[site] image not reachable, using plain <img>: ${url}`);
    return 'unreachable';
  }
  if (!res.ok) {
    console.warn(`[site] image left out (HTTP ${res.status}): ${url}`);
    return 'broken';
  }
  try {
    // A full decode at a small size (JPEG shrink-on-load keeps it cheap); a truncated file fails here.
    await sharp(Buffer.from(await res.arrayBuffer()), { failOn: 'truncated' })
      .resize(32)
      .toBuffer();
    return 'ok';
  } catch (e) {
    console.warn(`[site] image left out (cannot be decoded: ${(e as Error).message.split('\n')[0]}): ${url}`);
    return 'broken';
  }
}

function probe(url: string): Promise<Probe> {
  let p = probes.get(url);
  if (!p) {
    p = probeOnce(url);
    probes.set(url, p);
  }
  return p;
}

export interface Picture {
  src: string;
  srcset?: string;
  sizes?: string;
  width?: number;
  height?: number;
}

const WIDTHS = [360, 640, 960, 1280];

/** null: the image cannot be shown (gone or corrupt); the page is built without it. */
export async function responsiveImage(m: Media, opts: { maxWidth?: number; sizes?: string } = {}): Promise<Picture | null> {
  const maxWidth = opts.maxWidth ?? 960;
  const w = m.width ?? undefined;
  const h = m.height ?? undefined;
  const fallback: Picture = { src: publicMediaUrl(m), width: w, height: h };
  // Strapi's replace keeps the URL: the version makes Astro's image cache and file names follow the bytes.
  const url = m.updatedAt ? `${buildMediaUrl(m)}?v=${encodeURIComponent(m.updatedAt)}` : buildMediaUrl(m);
  if (!w || !h || /svg/.test(m.mime ?? '')) return fallback;
  const state = await probe(url);
  if (state === 'broken') return null;
  if (state === 'unreachable') return fallback;
  const width = Math.min(w, maxWidth);
  const height = Math.round((h * width) / w);
  const widths = [...WIDTHS.filter((x) => x < width), width];
  const img = await getImage({
    src: url,
    width,
    height,
    widths,
    format: 'webp',
    quality: 75,
    sizes: opts.sizes ?? `(max-width: ${width}px) 100vw, ${width}px`,
  });
  return {
    src: img.src,
    srcset: img.srcSet.attribute || undefined,
    sizes: (img.attributes.sizes as string | undefined) ?? opts.sizes,
    width,
    height,
  };
}
