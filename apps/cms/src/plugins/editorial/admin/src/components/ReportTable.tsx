import type { Table } from '@cong-ttdt/workflow/reports';

// One of the domain's report tables (packages/workflow/src/reports/tables.ts) as React: the same
// headers and rows as the CSV, XLSX and printable exports, so the page and the files cannot disagree.
const cell = { border: '1px solid #dcdce4', padding: '4px 8px', textAlign: 'right' } as const;
const head = { ...cell, textAlign: 'left', background: '#f6f6f9' } as const;
const show = (v: string | number | null) => (v == null ? '—' : typeof v === 'number' ? v.toLocaleString('vi-VN') : v);

export function ReportTable({ table, testId }: { table: Table; testId?: string }) {
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13, marginTop: 12 }} data-testid={testId}>
      <caption style={{ textAlign: 'left', fontWeight: 600, padding: '8px 0' }}>{table.title}</caption>
      <thead>
        <tr>
          {table.headers.map((h) => (
            <th key={h} scope="col" style={head}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          // A Table row has no id: its cells are its identity (two identical rows render alike anyway).
          <tr key={row.join('\u241f')}>
            {row.map((v, j) =>
              j === 0 ? (
                <th key={table.headers[j]} scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>
                  {show(v)}
                </th>
              ) : (
                <td key={table.headers[j]} style={typeof v === 'number' ? cell : { ...cell, textAlign: 'left' }}>
                  {show(v)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
