// The chart of published items per unit and month, as geometry: the server draws it as an SVG string for
// the printable view, the admin page as React elements — one layout, two thin renderers. Readable without
// colour: each bar has its number, each row its unit name, months are labelled under the bars, and
// alternate months are hatched as well as shaded. Pure.
import { monthLabel } from './period.js';
import type { ChartData } from './summary.js';

export const CHART_TITLE = 'Số tin, bài xuất bản theo đơn vị và tháng';
export const CHART_EMPTY = 'Không có tin, bài nào được xuất bản trong kỳ.';

export interface ChartBar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
  hatched: boolean;
  /** Tooltip: unit, month and value. */
  title: string;
  /** Two-digit month under the bar. */
  month: string;
}

export interface ChartRow {
  name: string;
  /** The name cut to fit the label column. */
  label: string;
  total: number;
  /** Baseline of the row's bars. */
  base: number;
  bars: ChartBar[];
}

export interface ChartLayout {
  title: string;
  width: number;
  height: number;
  labelWidth: number;
  barWidth: number;
  top: number;
  rows: ChartRow[];
}

export function chartLayout(c: ChartData, title = CHART_TITLE): ChartLayout {
  const labelWidth = 290;
  const barWidth = Math.max(18, Math.min(40, Math.floor(640 / Math.max(1, c.months.length))));
  const gap = 6;
  const rowH = 78;
  const barMax = 40;
  const top = 34;
  const width = labelWidth + c.months.length * (barWidth + gap) + 20;
  const max = Math.max(1, ...c.series.flatMap((s) => s.counts));
  const height = top + Math.max(1, c.series.length) * rowH + 10;
  const rows = c.series.map((s, i) => {
    const base = top + i * rowH + 12 + barMax;
    return {
      name: s.name,
      label: s.name.length > 38 ? `${s.name.slice(0, 37)}…` : s.name,
      total: s.counts.reduce((a, b) => a + b, 0),
      base,
      bars: s.counts.map((n, j) => {
        const h = Math.round((n / max) * barMax);
        return {
          x: labelWidth + j * (barWidth + gap),
          y: base - h,
          width: barWidth,
          height: Math.max(h, n ? 1 : 0),
          value: n,
          hatched: j % 2 === 1,
          title: `${s.name}, tháng ${monthLabel(c.months[j])}: ${n}`,
          month: c.months[j].slice(5, 7),
        };
      }),
    };
  });
  return { title, width, height, labelWidth, barWidth, top, rows };
}
