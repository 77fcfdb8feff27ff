import * as React from 'react';
import { Box, Button, Flex, Typography, Badge } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { ACTION_LABELS, ROYALTY_GRADE_RANGE, STAGE_LABELS, type Action, type Stage } from '@cong-ttdt/workflow';
import { TIME_ZONE } from '@cong-ttdt/content/dates';

// Log entries written by the system that are not workflow buttons.
const LOG_ONLY_LABELS: Record<string, string> = { receive: 'Tiếp nhận từ biểu mẫu hỏi đáp', import: 'Nhập dữ liệu' };

interface PanelData {
  inWorkflow: boolean;
  stage?: Stage;
  actions?: Action[];
  canEdit?: boolean;
  editRefusal?: string | null;
  assignee?: { id: number; name: string } | null;
  goLiveAt?: string | null;
  conversionNote?: string | null;
  history?: Array<{
    seq: number;
    action: string;
    fromStage: string | null;
    toStage: string;
    actorName: string;
    comment: string | null;
    at: string;
  }>;
}

const fmt = (iso: string) =>
  new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
const NEEDS_COMMENT: Action[] = ['return', 'withdraw', 'discard'];
const inputStyle: React.CSSProperties = {
  width: '100%',
  padding: 6,
  border: '1px solid #dcdce4',
  borderRadius: 4,
  fontFamily: 'inherit',
  fontSize: 13,
};

function PanelContent({ model, documentId }: { model: string; documentId?: string }) {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [data, setData] = React.useState<PanelData | null>(null);
  const [editors, setEditors] = React.useState<Array<{ id: number; name: string }>>([]);
  const [comment, setComment] = React.useState('');
  const [assigneeId, setAssigneeId] = React.useState('');
  const [goLiveAt, setGoLiveAt] = React.useState('');
  const [royaltyGrade, setRoyaltyGrade] = React.useState('');
  const [busy, setBusy] = React.useState(false);

  const load = React.useCallback(async () => {
    if (!documentId) return null;
    const res = await get<{ data: PanelData }>(`/editorial/panel/${model}/${documentId}`);
    setData(res.data.data);
    return res.data.data;
  }, [get, model, documentId]);

  React.useEffect(() => {
    load().catch(() => setData(null));
  }, [load]);
  React.useEffect(() => {
    if (data?.actions?.includes('assign'))
      get<{ data: Array<{ id: number; name: string }> }>('/editorial/editors')
        .then((r) => setEditors(r.data.data))
        .catch(() => undefined);
  }, [data, get]);

  if (!documentId) return <Typography variant="pi">Lưu bản nháp trước khi gửi duyệt.</Typography>;
  if (!data) return <Typography variant="pi">Đang tải…</Typography>;
  if (!data.inWorkflow) return <Typography variant="pi">Loại nội dung này không qua quy trình duyệt.</Typography>;

  const act = async (action: Action) => {
    if (NEEDS_COMMENT.includes(action) && !comment.trim()) {
      toggleNotification({ type: 'warning', message: action === 'return' ? 'Nhập lý do trả lại.' : 'Nhập lý do gỡ bài.' });
      return;
    }
    if (action === 'assign' && !assigneeId) {
      toggleNotification({ type: 'warning', message: 'Chọn biên tập viên để chuyển.' });
      return;
    }
    setBusy(true);
    try {
      await post('/editorial/transition', {
        uid: model,
        documentId,
        action,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(action === 'assign' ? { assigneeId: Number(assigneeId) } : {}),
        ...(action === 'approve' && goLiveAt ? { goLiveAt: new Date(goLiveAt).toISOString() } : {}),
        ...(action === 'approve' && royaltyGrade ? { royaltyGrade: Number(royaltyGrade) } : {}),
      });
      toggleNotification({ type: 'success', message: `${ACTION_LABELS[action]}: đã thực hiện.` });
      setComment('');
      const next = await load();
      // The form's read-only state is decided when the edit view mounts (ReadOnlyForm.ts).
      if (action === 'approve' || action === 'withdraw' || next?.canEdit !== data.canEdit) window.location.reload();
    } catch (e: any) {
      toggleNotification({ type: 'danger', message: e?.response?.data?.error?.message ?? 'Không thực hiện được thao tác.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="editorial-panel">
      <Flex gap={2} alignItems="center">
        <Typography variant="sigma">Trạng thái:</Typography>
        <Badge data-testid="editorial-stage" data-stage={data.stage}>
          {STAGE_LABELS[data.stage!]}
        </Badge>
      </Flex>
      {data.assignee && <Typography variant="pi">Biên tập viên: {data.assignee.name}</Typography>}
      {data.goLiveAt && <Typography variant="pi">Xuất bản lúc: {fmt(data.goLiveAt)}</Typography>}
      {data.conversionNote && (
        <Box background="warning100" padding={2} hasRadius>
          <Typography variant="pi">{data.conversionNote}</Typography>
        </Box>
      )}
      {!data.canEdit && (
        <Box background="neutral150" padding={2} hasRadius data-testid="editorial-read-only">
          <Typography variant="pi" fontWeight="bold">
            Chỉ xem, không sửa được.
          </Typography>{' '}
          <Typography variant="pi">{data.editRefusal ?? 'Bạn không được sửa mục này ở trạng thái hiện tại.'}</Typography>
        </Box>
      )}
      {data.actions!.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={2}>
          {data.actions!.includes('assign') && (
            <label>
              <Typography variant="pi">Chuyển cho biên tập viên</Typography>
              <select
                aria-label="Biên tập viên"
                style={inputStyle}
                value={assigneeId}
                onChange={(e) => setAssigneeId(e.target.value)}
                name="assigneeId"
              >
                <option value="">— chọn —</option>
                {editors.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {data.actions!.includes('approve') && (
            <label>
              <Typography variant="pi">Hẹn giờ xuất bản (để trống: xuất bản ngay)</Typography>
              <input
                type="datetime-local"
                style={inputStyle}
                value={goLiveAt}
                onChange={(e) => setGoLiveAt(e.target.value)}
                name="goLiveAt"
              />
            </label>
          )}
          {data.actions!.includes('approve') && (
            <label>
              <Typography variant="pi">
                Hệ số nhuận bút ({ROYALTY_GRADE_RANGE.min}–{ROYALTY_GRADE_RANGE.max}; để trống: theo bảng nhuận bút)
              </Typography>
              <input
                type="number"
                step="0.1"
                min={ROYALTY_GRADE_RANGE.min}
                max={ROYALTY_GRADE_RANGE.max}
                style={inputStyle}
                value={royaltyGrade}
                onChange={(e) => setRoyaltyGrade(e.target.value)}
                name="royaltyGrade"
              />
            </label>
          )}
          <label>
            <Typography variant="pi">Ý kiến (bắt buộc khi trả lại, gỡ bài)</Typography>
            <textarea
              aria-label="Ý kiến"
              style={inputStyle}
              rows={3}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              name="comment"
            />
          </label>
          <Flex gap={2} wrap="wrap">
            {data.actions!.map((a) => (
              <Button
                key={a}
                size="S"
                variant={NEEDS_COMMENT.includes(a) ? 'danger-light' : 'default'}
                disabled={busy}
                onClick={() => act(a)}
                data-action={a}
              >
                {ACTION_LABELS[a]}
              </Button>
            ))}
          </Flex>
        </Flex>
      )}
      <Box>
        <Typography variant="sigma">Lịch sử</Typography>
        <ol style={{ margin: '4px 0 0', paddingLeft: 16 }}>
          {data.history!.map((h) => (
            <li key={h.seq}>
              <Typography variant="pi">
                {fmt(h.at)} · {h.actorName}: {LOG_ONLY_LABELS[h.action] ?? ACTION_LABELS[h.action as Action] ?? h.action} →{' '}
                {STAGE_LABELS[h.toStage as Stage] ?? h.toStage}
                {h.comment ? ` — “${h.comment}”` : ''}
              </Typography>
            </li>
          ))}
        </ol>
      </Box>
    </Flex>
  );
}

// Content Manager side panel: stage, assignee, history, and only the buttons this user may use.
export const EditorialPanel = ({ model, documentId }: { model: string; documentId?: string }) => ({
  title: 'Biên tập, duyệt tin',
  content: <PanelContent model={model} documentId={documentId} />,
});
(EditorialPanel as any).type = 'editorial-panel';
