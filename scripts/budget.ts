// `npm run budget [-- <site dir>]`: bytes as served (gzip) of HTML + CSS + JS per page template,
// against the budgets (article ≤ 60 KB, home ≤ 100 KB). Images and fonts are left out. Defaults to
// the live release of `npm start`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DATA } from './lib/paths.ts';

const dir = process.argv[2] || join(DATA, 'publisher', 'live');
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`No built site at ${dir} (run npm start first, or pass a folder with index.html).`);
  process.exit(1);
}
const first = (sub: string) => {
  const base = join(dir, sub);
  if (!existsSync(base)) return null;
  const name = readdirSync(base).find((n) => existsSync(join(base, n, 'index.html')));
  return name ? `${sub}/${name}/index.html` : null;
};
const TEMPLATES: Array<[string, string | null, number | null]> = [
  ['home', 'index.html', 100],
  ['article', first('tin-tuc/bai'), 60],
  ['news list', 'tin-tuc/index.html', null],
  ['document', first('van-ban'), null],
  ['document registry', 'van-ban/index.html', null],
  ['procedure', first('thu-tuc'), null],
  ['question', first('hoi-dap'), null],
  ['schedule', 'lich-cong-tac/index.html', null],
  ['search', 'tim-kiem/index.html', null],
];
const gz = (bytes: Buffer) => gzipSync(bytes, { level: 6 }).length;

let over = 0;
console.log('| template | HTML | CSS | JS | total (gzip KB) | budget |\n|---|---|---|---|---|---|');
for (const [name, rel, budget] of TEMPLATES) {
  if (!rel || !existsSync(join(dir, rel))) continue;
  const html = readFileSync(join(dir, rel));
  const text = html.toString('utf8');
  const assets = [...text.matchAll(/<(?:link[^>]+href|script[^>]+src)="(\/[^"]+\.(css|js))"/g)].map((m) => [m[1], m[2]] as const);
  let css = 0;
  let js = 0;
  for (const [url, kind] of new Set(assets)) {
    const p = join(dir, url);
    if (!existsSync(p)) continue;
    if (kind === 'css') css += gz(readFileSync(p));
    else js += gz(readFileSync(p));
  }
  const total = gz(html) + css + js;
  const ok = budget == null || total <= budget * 1024;
  if (!ok) over++;
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log(
    `| ${name} | ${kb(gz(html))} | ${kb(css)} | ${kb(js)} | ${kb(total)} | ${budget == null ? '–' : `${budget} KB ${ok ? 'ok' : 'OVER'} (${((total / (budget * 1024)) * 100).toFixed(0)} %)`} |`,
  );
}
process.exit(over ? 1 : 0);
