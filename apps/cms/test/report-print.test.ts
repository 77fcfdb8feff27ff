// The reports' HTML is rendered by the editorial plugin's server from the pure chart layout and tables.
import { describe, expect, it } from 'vitest';
import { chartSvg, printHtml } from '../src/plugins/editorial/server/src/services/report-print.ts';

describe('report HTML (editorial plugin)', () => {
  it('chart: every bar carries its number and each row its unit name, escaped', () => {
    const svg = chartSvg({ months: ['2025-01', '2025-02'], series: [{ id: 1, name: 'Phòng <Nội vụ>', counts: [3, 0] }] });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('Phòng &lt;Nội vụ&gt;');
    expect(svg).not.toContain('<Nội vụ>');
    expect(svg).toMatch(/>3<\/text>/);
    expect(svg).toContain('url(#hatch)');
  });
  it('chart with nothing published says so', () => {
    expect(chartSvg({ months: ['2025-01'], series: [] })).toContain('Không có tin, bài nào được xuất bản trong kỳ.');
  });
  it('printable view: tables with captions and escaped cells', () => {
    const html = printHtml({
      title: 'Báo cáo <x>',
      subtitle: 'Tháng 01/2025',
      tables: [{ title: 'T', headers: ['Đơn vị', 'Số'], rows: [['A & B', 1200]] }],
    });
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Báo cáo &lt;x&gt;');
    expect(html).toContain('<th scope="row">A &amp; B</th><td>1.200</td>');
  });
});
