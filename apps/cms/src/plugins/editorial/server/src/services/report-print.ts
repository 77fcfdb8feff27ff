// The reports' HTML: the chart as an SVG string and the printable view. Rendered here, on the server,
// from the pure package's chart layout and tables (packages/workflow renders no HTML).
import { CHART_EMPTY, chartLayout, type ChartData, type Table } from '@cong-ttdt/workflow/reports';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function chartSvg(c: ChartData, title?: string): string {
  const l = chartLayout(c, title);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title" width="${l.width}" height="${l.height}" viewBox="0 0 ${l.width} ${l.height}" font-family="sans-serif" font-size="12" data-testid="reports-chart">`,
    `<title id="chart-title">${esc(l.title)}</title>`,
    '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#c6d4f7"/><line x1="0" y1="0" x2="0" y2="6" stroke="#1d3f91" stroke-width="2"/></pattern></defs>',
    `<text x="0" y="16" font-weight="bold" font-size="14">${esc(l.title)}</text>`,
  ];
  if (!l.rows.length) parts.push(`<text x="0" y="${l.top + 20}">${CHART_EMPTY}</text>`);
  for (const r of l.rows) {
    parts.push(`<g data-unit="${esc(r.name)}"><text x="0" y="${r.base - 8}" font-weight="bold">${esc(r.label)}</text>`);
    parts.push(`<text x="0" y="${r.base + 8}" fill="#333">Tổng: ${r.total}</text>`);
    for (const b of r.bars) {
      parts.push(
        `<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" fill="${b.hatched ? 'url(#hatch)' : '#1d3f91'}" stroke="#1d3f91"><title>${esc(b.title)}</title></rect>`,
        `<text x="${b.x + b.width / 2}" y="${b.y - 3}" text-anchor="middle">${b.value}</text>`,
        `<text x="${b.x + b.width / 2}" y="${r.base + 14}" text-anchor="middle" font-size="10" fill="#333">${b.month}</text>`,
      );
    }
    parts.push(`<line x1="${l.labelWidth - 4}" y1="${r.base}" x2="${l.width - 10}" y2="${r.base}" stroke="#666"/></g>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

export function tableHtml(t: Table): string {
  const cell = (v: string | number | null) => (v == null ? '' : typeof v === 'number' ? v.toLocaleString('vi-VN') : esc(v));
  return `<table><caption>${esc(t.title)}</caption><thead><tr>${t.headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${t.rows
    .map((r) => `<tr>${r.map((v, i) => (i === 0 ? `<th scope="row">${cell(v)}</th>` : `<td>${cell(v)}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function printHtml(opts: {
  title: string;
  subtitle: string;
  agency?: string;
  tables: Table[];
  svg?: string;
  note?: string;
}): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(opts.title)}</title><style>
body{font-family:"Times New Roman",serif;margin:2cm;color:#000}
h1{font-size:18pt;text-align:center;margin:0 0 4pt}p.sub{text-align:center;margin:0 0 16pt}
table{border-collapse:collapse;width:100%;margin:0 0 18pt;font-size:11pt;page-break-inside:auto}
caption{font-weight:bold;text-align:left;margin:6pt 0}
th,td{border:1px solid #000;padding:3pt 5pt;vertical-align:top}td{text-align:right}thead th{background:#eee}
tr{page-break-inside:avoid}.sign{display:flex;justify-content:space-between;margin-top:30pt}.sign div{text-align:center;width:40%}
@page{size:A4;margin:1.5cm}@media print{body{margin:0}}
</style></head><body>
${opts.agency ? `<p style="margin:0">${esc(opts.agency)}</p>` : ''}
<h1>${esc(opts.title)}</h1><p class="sub">${esc(opts.subtitle)}</p>
${opts.svg ? `<figure style="margin:0 0 18pt">${opts.svg}</figure>` : ''}
${opts.tables.map(tableHtml).join('\n')}
${opts.note ? `<p>${esc(opts.note)}</p>` : ''}
<div class="sign"><div><strong>Người lập biểu</strong><br><em>(Ký, ghi rõ họ tên)</em></div><div><strong>Thủ trưởng đơn vị</strong><br><em>(Ký, ghi rõ họ tên)</em></div></div>
</body></html>`;
}
