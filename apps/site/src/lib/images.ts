/**
 * Responsive images for CMS media through astro:assets (sharp). The build fetches the original from
 * CMS_URL; if it is unreachable the page falls back to a plain <img> pointing at the public URL
 * instead of failing the whole build (logged once per URL).
 */
import { getImage } from 'astro:assets';
import type { Media } from '@cong-ttdt/content';
import { buildMediaUrl, publicMediaUrl } from './media';

const probes = new Map<string, Promise<boolean>>();

function reachable(url: string): Promise<boolean> {
  let p = probes.get(url);
  if (!p) {
    p = fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5000) })
      .then((r) => r.ok)
      .catch(() => false)
      .then((ok) => {
        if (!ok) console.warn(`[site] image not reachable, using plain <img>: ${url}`);
        return ok;
      });
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

export async function responsiveImage(m: Media, opts: { maxWidth?: number; sizes?: string } = {}): Promise<Picture> {
  const maxWidth = opts.maxWidth ?? 960;
  const w = m.width ?? undefined;
  const h = m.height ?? undefined;
  const fallback: Picture = { src: publicMediaUrl(m), width: w, height: h };
  const url = buildMediaUrl(m);
  if (!w || !h || /svg/.test(m.mime ?? '') || !(await reachable(url))) return fallback;
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
