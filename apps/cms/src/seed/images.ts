import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import sharp from 'sharp';

// Demo cover photos, generated here at seed time (no third-party material: see CREDITS): small
// landscapes of the district drawn as SVG and encoded as JPEG, so the demo and the tests walk the
// image path (upload, REST media, astro:assets) from the first build.

export type Scene = 'rice' | 'ponds' | 'wind' | 'mangrove';

const W = 1200;
const H = 675;

const sky = (top: string, bottom: string) =>
  `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#sky)"/>`;

const SCENES: Record<Scene, string> = {
  // Ruộng lúa – tôm: green paddies in rows under a morning sky.
  rice: `${sky('#8fc4e8', '#e9f3f7')}<circle cx="960" cy="130" r="60" fill="#fff3c4"/>
    ${Array.from({ length: 7 }, (_, i) => `<polygon points="0,${300 + i * 55} ${W},${280 + i * 60} ${W},${H} 0,${H}" fill="${['#5b8c2a', '#6fa336', '#82b443', '#4f7d22', '#77aa3c', '#5f9430', '#8cbc4c'][i]}"/>`).join('')}
    <rect x="140" y="240" width="90" height="50" fill="#b7553a"/><polygon points="130,240 185,205 240,240" fill="#7a3322"/>`,
  // Ao nuôi tôm: rectangular ponds with aerators.
  ponds: `${sky('#a7cfe6', '#f2f6f2')}<rect y="260" width="${W}" height="${H - 260}" fill="#8a7a55"/>
    ${Array.from({ length: 6 }, (_, i) => `<rect x="${40 + (i % 3) * 390}" y="${290 + Math.floor(i / 3) * 190}" width="350" height="160" rx="8" fill="${i % 2 ? '#3f7f86' : '#4a8f8c'}"/><circle cx="${215 + (i % 3) * 390}" cy="${370 + Math.floor(i / 3) * 190}" r="14" fill="#e8f1ef"/>`).join('')}`,
  // Điện gió ven biển: turbines over the sea.
  wind: `${sky('#6fa8d6', '#dcebf5')}<rect y="420" width="${W}" height="${H - 420}" fill="#2f6e8f"/>
    ${[180, 480, 780, 1050]
      .map(
        (x, i) =>
          `<rect x="${x - 5}" y="${170 + i * 20}" width="10" height="${260 - i * 20}" fill="#f4f6f8"/><g transform="translate(${x} ${170 + i * 20}) rotate(${i * 25})"><rect x="-4" y="-120" width="8" height="120" fill="#ffffff"/><rect x="-4" y="-120" width="8" height="120" fill="#ffffff" transform="rotate(120)"/><rect x="-4" y="-120" width="8" height="120" fill="#ffffff" transform="rotate(240)"/></g>`,
      )
      .join('')}`,
  // Rừng ngập mặn: mangroves along a tidal channel.
  mangrove: `${sky('#f2c98a', '#f8ead2')}<rect y="430" width="${W}" height="${H - 430}" fill="#6c8f8a"/>
    ${Array.from({ length: 14 }, (_, i) => `<ellipse cx="${i * 90 + 30}" cy="${380 + (i % 3) * 12}" rx="80" ry="${60 + (i % 4) * 10}" fill="${['#2f5d2b', '#3c6e33', '#28502a'][i % 3]}"/><rect x="${i * 90 + 26}" y="${400 + (i % 3) * 12}" width="8" height="50" fill="#4b3a27"/>`).join('')}`,
};

/** One scene as a JPEG (about 30–60 KB). */
export function sceneJpeg(scene: Scene): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${SCENES[scene]}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
}

/** Uploads a generated scene through the upload service (as the media library does); returns the file id. */
export async function uploadScene(strapi: Core.Strapi, scene: Scene, name: string, alternativeText: string): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'portal-seed-'));
  try {
    const filepath = join(dir, name);
    await writeFile(filepath, await sceneJpeg(scene));
    const [file] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: { fileInfo: { name, alternativeText, caption: alternativeText } },
        files: { filepath, originalFilename: name, mimetype: 'image/jpeg', size: (await stat(filepath)).size },
      });
    return file.id;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
