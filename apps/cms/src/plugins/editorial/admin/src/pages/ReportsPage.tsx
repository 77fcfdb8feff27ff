import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { TIME_ZONE, formatDate, isoDay } from '@cong-ttdt/content/dates';
import {
  ROYALTY_KIND_LABELS,
  SUMMARY_DIMENSIONS,
  overdueTables,
  royaltyStatementTables,
  royaltyUnitTable,
  summaryTables,
  type OverdueReport,
  type Period,
  type RateTable,
  type ReportAccess,
  type RoyaltyReport,
  type Summary,
} from '@cong-ttdt/workflow/reports';
import { ProfilesSection } from '../components/ProfilesSection';
import { ReportChart } from '../components/ReportChart';
import { ReportTable } from '../components/ReportTable';

// "Báo cáo": inspection of each unit's provision of information and royalty statements (issue #9).
// The server decides what each role may see; this page only shows what it was given.

const inputStyle: React.CSSProperties = { padding: 6, border: '1px solid #dcdce4', borderRadius: 4, fontFamily: 'inherit', fontSize: 13 };
const cell: React.CSSProperties = { border: '1px solid #dcdce4', padding: '4px 8px', textAlign: 'right' };
const head: React.CSSProperties = { ...cell, textAlign: 'left', background: '#f6f6f9' };
const num = (n: number | null | undefined) => (n == null ? '—' : n.toLocaleString('vi-VN'));

type ReportName = 'summary' | 'royalty' | 'overdue';
const FILE_NAMES: Record<ReportName, string> = {
  summary: 'bao-cao-cung-cap-thong-tin',
  royalty: 'bang-ke-nhuan-but',
  overdue: 'cong-khai-tre-han',
};

/** Timeliness of disclosure (issue #31): per unit and kind, then each late or overdue item. */
function OverdueSection({ report, buttons }: { report: OverdueReport; buttons: React.ReactNode }) {
  const tables = overdueTables(report);
  return (
    <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="reports-overdue">
      <Flex justifyContent="space-between" wrap="wrap" gap={2}>
        <Typography variant="beta" tag="h2">
          Công khai thông tin đúng hạn (theo ngày làm việc)
        </Typography>
        {buttons}
      </Flex>
      {report.calendarWarning && (
        <Box paddingTop={2}>
          <Typography textColor="warning700" data-testid="reports-calendar-warning">
            ⚠ {report.calendarWarning}
          </Typography>
        </Box>
      )}
      {tables.map((t) => (
        <Box key={t.title} paddingTop={4}>
          {t.rows.length === 0 ? <Typography>{t.title}: không có.</Typography> : <ReportTable table={t} />}
        </Box>
      ))}
    </Box>
  );
}

interface PeriodForm {
  period: 'month' | 'quarter' | 'year' | 'custom';
  year: string;
  month: string;
  quarter: string;
  from: string;
  to: string;
}

function initialPeriod(): PeriodForm {
  const local = isoDay(new Date());
  return {
    period: 'month',
    year: local.slice(0, 4),
    month: String(Number(local.slice(5, 7))),
    quarter: String(Math.ceil(Number(local.slice(5, 7)) / 3)),
    from: local.slice(0, 8) + '01',
    to: local.slice(0, 10),
  };
}

function queryOf(p: PeriodForm): string {
  const q = new URLSearchParams({ period: p.period });
  if (p.period === 'custom') {
    q.set('from', p.from);
    q.set('to', p.to);
  } else {
    q.set('year', p.year);
    if (p.period === 'month') q.set('month', p.month);
    if (p.period === 'quarter') q.set('quarter', p.quarter);
  }
  return q.toString();
}

const errorMessage = (e: any) => e?.response?.data?.error?.message ?? e?.message ?? 'Có lỗi xảy ra.';

const ReportsPage = () => {
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [access, setAccess] = React.useState<ReportAccess | null | 'forbidden'>(null);
  const [form, setForm] = React.useState<PeriodForm>(initialPeriod);
  const [query, setQuery] = React.useState(() => queryOf(initialPeriod()));
  const [summary, setSummary] = React.useState<Summary | null>(null);
  const [overdue, setOverdue] = React.useState<(OverdueReport & { period: Period }) | null>(null);
  const [royalty, setRoyalty] = React.useState<(RoyaltyReport & { scope: 'all' | 'own' }) | null>(null);
  const [rates, setRates] = React.useState<(RateTable & { editable: boolean }) | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    get<{ data: ReportAccess }>('/editorial/reports/access')
      .then((r) => setAccess(r.data.data))
      .catch(() => setAccess('forbidden'));
  }, [get]);

  React.useEffect(() => {
    if (!access || access === 'forbidden') return;
    setError(null);
    if (access.summary) {
      get<{ data: Summary }>(`/editorial/reports/summary?${query}`)
        .then((r) => setSummary(r.data.data))
        .catch((e) => setError(errorMessage(e)));
      get<{ data: OverdueReport & { period: Period } }>(`/editorial/reports/overdue?${query}`)
        .then((r) => setOverdue(r.data.data))
        .catch((e) => setError(errorMessage(e)));
    }
    if (access.royalty !== 'none') {
      get<{ data: RoyaltyReport & { scope: 'all' | 'own' } }>(`/editorial/reports/royalty?${query}`)
        .then((r) => setRoyalty(r.data.data))
        .catch((e) => setError(errorMessage(e)));
      get<{ data: RateTable & { editable: boolean } }>('/editorial/reports/rates')
        .then((r) => setRates(r.data.data))
        .catch(() => undefined);
    }
  }, [access, query, get]);

  const download = async (report: ReportName, format: 'csv' | 'xlsx') => {
    setBusy(true);
    try {
      const r = await get<Blob>(`/editorial/reports/export/${report}/${format}?${query}`, { responseType: 'blob' } as any);
      const period = { summary: summary?.period, royalty: royalty?.period, overdue: overdue?.period }[report] ?? {
        from: 'ky',
        to: 'bao-cao',
      };
      const name = `${FILE_NAMES[report]}_${period.from}_${period.to}.${format}`;
      const url = URL.createObjectURL(r.data);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const print = async (report: ReportName) => {
    // Opened on the click itself so the browser does not treat it as an unwanted pop-up.
    const w = window.open('', '_blank');
    try {
      const r = await get<string>(`/editorial/reports/export/${report}/html?${query}`, { responseType: 'text' } as any);
      if (!w) throw new Error('Trình duyệt đã chặn cửa sổ bản in.');
      w.document.open();
      w.document.write(r.data);
      w.document.close();
      w.focus();
      setTimeout(() => w.print(), 300);
    } catch (e) {
      w?.close();
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    }
  };

  const saveRates = async () => {
    if (!rates) return;
    try {
      const r = await put<{ data: RateTable }>('/editorial/reports/rates', { pointValue: rates.pointValue, rates: rates.rates });
      setRates({ ...r.data.data, editable: true });
      toggleNotification({ type: 'success', message: 'Đã lưu bảng nhuận bút.' });
      const rr = await get<{ data: RoyaltyReport & { scope: 'all' | 'own' } }>(`/editorial/reports/royalty?${query}`);
      setRoyalty(rr.data.data);
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    }
  };

  if (access === null) return <Page.Loading />;
  if (access === 'forbidden') {
    return (
      <Page.Main>
        <Layouts.Header title="Báo cáo" />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography data-testid="reports-forbidden">Bạn không có quyền xem báo cáo.</Typography>
            <ProfilesSection />
          </Flex>
        </Layouts.Content>
      </Page.Main>
    );
  }

  const summaryTabs = summary ? summaryTables(summary) : [];
  const periodLabel = summary?.period.label ?? royalty?.period.label ?? '';
  const exportButtons = (report: ReportName) => (
    <Flex gap={2} wrap="wrap">
      <Button variant="secondary" disabled={busy} onClick={() => download(report, 'csv')} data-testid={`export-${report}-csv`}>
        Tải CSV
      </Button>
      <Button variant="secondary" disabled={busy} onClick={() => download(report, 'xlsx')} data-testid={`export-${report}-xlsx`}>
        Tải Excel (XLSX)
      </Button>
      <Button variant="tertiary" onClick={() => print(report)} data-testid={`print-${report}`}>
        Bản in
      </Button>
    </Flex>
  );

  return (
    <Page.Main>
      <Layouts.Header title="Báo cáo" subtitle={periodLabel ? `Kỳ báo cáo: ${periodLabel}` : 'Thống kê cung cấp thông tin và nhuận bút'} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                setQuery(queryOf(form));
              }}
              style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}
              data-testid="reports-period"
            >
              <label>
                <Typography variant="pi">Kỳ báo cáo</Typography>
                <br />
                <select
                  name="period"
                  style={inputStyle}
                  value={form.period}
                  onChange={(e) => setForm({ ...form, period: e.target.value as PeriodForm['period'] })}
                >
                  <option value="month">Tháng</option>
                  <option value="quarter">Quý</option>
                  <option value="year">Năm</option>
                  <option value="custom">Tùy chọn</option>
                </select>
              </label>
              {form.period !== 'custom' && (
                <label>
                  <Typography variant="pi">Năm</Typography>
                  <br />
                  <input
                    name="year"
                    type="number"
                    min={2000}
                    max={2100}
                    style={{ ...inputStyle, width: 90 }}
                    value={form.year}
                    onChange={(e) => setForm({ ...form, year: e.target.value })}
                  />
                </label>
              )}
              {form.period === 'month' && (
                <label>
                  <Typography variant="pi">Tháng</Typography>
                  <br />
                  <select name="month" style={inputStyle} value={form.month} onChange={(e) => setForm({ ...form, month: e.target.value })}>
                    {Array.from({ length: 12 }, (_, i) => String(i + 1)).map((m) => (
                      <option key={m} value={m}>{`Tháng ${m}`}</option>
                    ))}
                  </select>
                </label>
              )}
              {form.period === 'quarter' && (
                <label>
                  <Typography variant="pi">Quý</Typography>
                  <br />
                  <select
                    name="quarter"
                    style={inputStyle}
                    value={form.quarter}
                    onChange={(e) => setForm({ ...form, quarter: e.target.value })}
                  >
                    {['I', 'II', 'III', 'IV'].map((q, i) => (
                      <option key={q} value={String(i + 1)}>{`Quý ${q}`}</option>
                    ))}
                  </select>
                </label>
              )}
              {form.period === 'custom' && (
                <>
                  <label>
                    <Typography variant="pi">Từ ngày</Typography>
                    <br />
                    <input
                      name="from"
                      type="date"
                      style={inputStyle}
                      value={form.from}
                      onChange={(e) => setForm({ ...form, from: e.target.value })}
                    />
                  </label>
                  <label>
                    <Typography variant="pi">Đến ngày</Typography>
                    <br />
                    <input
                      name="to"
                      type="date"
                      style={inputStyle}
                      value={form.to}
                      onChange={(e) => setForm({ ...form, to: e.target.value })}
                    />
                  </label>
                </>
              )}
              <Button type="submit">Xem báo cáo</Button>
            </form>
            <Typography variant="pi" textColor="neutral600">
              Mốc thời gian theo giờ Việt Nam ({TIME_ZONE}). Số liệu lấy từ nhật ký biên tập.
            </Typography>
          </Box>

          {error && (
            <Box background="danger100" padding={3} hasRadius>
              <Typography>{error}</Typography>
            </Box>
          )}

          {access.summary && summary && (
            <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="reports-summary">
              <Flex justifyContent="space-between" alignItems="center" wrap="wrap" gap={2}>
                <Typography variant="beta" tag="h2">
                  Tình hình cung cấp thông tin
                </Typography>
                {exportButtons('summary')}
              </Flex>
              <p style={{ margin: '12px 0' }} data-testid="reports-totals">
                <Typography>
                  Tổng cộng: {num(summary.totals.submitted)} lượt gửi, {num(summary.totals.returned)} lượt trả lại,{' '}
                  {num(summary.totals.published)} lượt xuất bản, {num(summary.totals.withdrawn)} lượt gỡ; thời gian trung vị từ gửi đến xuất
                  bản: {num(summary.totals.medianHours)} giờ.
                </Typography>
              </p>
              {summary.inactiveUnits.length > 0 && (
                <Box background="warning100" padding={3} hasRadius data-testid="reports-inactive">
                  <Typography fontWeight="bold">
                    ⚠ {summary.inactiveUnits.length} đơn vị không có tin, bài nào được xuất bản trong kỳ:
                  </Typography>{' '}
                  <Typography>{summary.inactiveUnits.map((u) => u.name).join('; ')}</Typography>
                </Box>
              )}
              <Box paddingTop={4} style={{ overflowX: 'auto' }}>
                <ReportChart chart={summary.chart} />
                {summary.chart.series.length > 0 && (
                  <details>
                    <summary>Bảng số liệu của biểu đồ</summary>
                    <ReportTable table={summaryTabs[SUMMARY_DIMENSIONS.length]!} />
                  </details>
                )}
              </Box>
              {SUMMARY_DIMENSIONS.map(({ label }, i) => (
                <Box key={label} paddingTop={4}>
                  <ReportTable table={summaryTabs[i]!} testId={`reports-table-${label}`} />
                </Box>
              ))}
            </Box>
          )}

          {access.summary && overdue && <OverdueSection report={overdue} buttons={exportButtons('overdue')} />}

          {access.royalty !== 'none' && royalty && (
            <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="reports-royalty">
              <Flex justifyContent="space-between" alignItems="center" wrap="wrap" gap={2}>
                <Typography variant="beta" tag="h2">
                  {royalty.scope === 'own' ? 'Bảng kê nhuận bút của tôi' : 'Bảng kê nhuận bút'}
                </Typography>
                {exportButtons('royalty')}
              </Flex>
              <p>
                <Typography>
                  {num(royalty.total.items)} tin, bài; tổng {num(royalty.total.totalValue)} điểm; thành tiền{' '}
                  {num(royalty.total.totalAmount)} đồng (một điểm = {num(royalty.pointValue)} đồng).
                </Typography>
              </p>
              {royalty.statements.length === 0 && <Typography>Không có tin, bài nào được xuất bản lần đầu trong kỳ.</Typography>}
              {royaltyStatementTables(royalty).map((t) => (
                <ReportTable key={t.title} table={t} testId="royalty-statement" />
              ))}
              {royalty.scope === 'all' && royalty.byUnit.length > 0 && <ReportTable table={royaltyUnitTable(royalty)} />}
            </Box>
          )}

          {rates && (
            <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="reports-rates">
              <Typography variant="beta" tag="h2">
                Bảng nhuận bút
              </Typography>
              <Box paddingTop={2}>
                <label>
                  <Typography variant="pi">Giá trị một điểm (đồng)</Typography>{' '}
                  <input
                    name="pointValue"
                    type="number"
                    min={0}
                    style={inputStyle}
                    value={rates.pointValue}
                    disabled={!rates.editable}
                    onChange={(e) => setRates({ ...rates, pointValue: Number(e.target.value) })}
                  />
                </label>
              </Box>
              <table style={{ borderCollapse: 'collapse', fontSize: 13, marginTop: 8 }}>
                <thead>
                  <tr>
                    <th scope="col" style={head}>
                      Loại
                    </th>
                    <th scope="col" style={head}>
                      Điểm
                    </th>
                    <th scope="col" style={head}>
                      Hệ số mặc định
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rates.rates.map((r, i) => (
                    <tr key={r.kind}>
                      <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>
                        {ROYALTY_KIND_LABELS[r.kind]}
                      </th>
                      {(['points', 'defaultGrade'] as const).map((k) => (
                        <td key={k} style={cell}>
                          <input
                            aria-label={`${k === 'points' ? 'Điểm' : 'Hệ số mặc định'} – ${ROYALTY_KIND_LABELS[r.kind]}`}
                            type="number"
                            step="0.1"
                            style={{ ...inputStyle, width: 90 }}
                            value={r[k]}
                            disabled={!rates.editable}
                            onChange={(e) =>
                              setRates({
                                ...rates,
                                rates: rates.rates.map((x, j) => (j === i ? { ...x, [k]: Number(e.target.value) } : x)),
                              })
                            }
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              {rates.updatedAt && (
                <Typography variant="pi" textColor="neutral600">
                  Cập nhật {formatDate(rates.updatedAt)} bởi {rates.updatedBy}.
                </Typography>
              )}
              {rates.editable && (
                <Box paddingTop={2}>
                  <Button onClick={saveRates}>Lưu bảng nhuận bút</Button>
                </Box>
              )}
            </Box>
          )}

          <ProfilesSection />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default ReportsPage;
