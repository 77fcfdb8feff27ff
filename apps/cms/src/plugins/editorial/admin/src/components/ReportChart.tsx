import { CHART_EMPTY, chartLayout, type ChartData } from '@cong-ttdt/workflow/reports';

/** The reports' chart as React elements, from the same layout the printable view draws (no HTML strings). */
export function ReportChart({ chart }: { chart: ChartData }) {
  const l = chartLayout(chart);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-labelledby="chart-title"
      width={l.width}
      height={l.height}
      viewBox={`0 0 ${l.width} ${l.height}`}
      fontFamily="sans-serif"
      fontSize="12"
      data-testid="reports-chart"
    >
      <title id="chart-title">{l.title}</title>
      <defs>
        <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#c6d4f7" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#1d3f91" strokeWidth="2" />
        </pattern>
      </defs>
      <text x="0" y="16" fontWeight="bold" fontSize="14">
        {l.title}
      </text>
      {!l.rows.length && (
        <text x="0" y={l.top + 20}>
          {CHART_EMPTY}
        </text>
      )}
      {l.rows.map((r) => (
        <g key={r.name} data-unit={r.name}>
          <text x="0" y={r.base - 8} fontWeight="bold">
            {r.label}
          </text>
          <text x="0" y={r.base + 8} fill="#333">
            Tổng: {r.total}
          </text>
          {r.bars.map((b) => (
            <g key={b.x}>
              <rect x={b.x} y={b.y} width={b.width} height={b.height} fill={b.hatched ? 'url(#hatch)' : '#1d3f91'} stroke="#1d3f91">
                <title>{b.title}</title>
              </rect>
              <text x={b.x + b.width / 2} y={b.y - 3} textAnchor="middle">
                {b.value}
              </text>
              <text x={b.x + b.width / 2} y={r.base + 14} textAnchor="middle" fontSize="10" fill="#333">
                {b.month}
              </text>
            </g>
          ))}
          <line x1={l.labelWidth - 4} y1={r.base} x2={l.width - 10} y2={r.base} stroke="#666" />
        </g>
      ))}
    </svg>
  );
}
