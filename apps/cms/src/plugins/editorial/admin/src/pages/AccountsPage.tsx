import * as React from 'react';
import { Badge, Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { formatDateTime } from '@cong-ttdt/content/dates';
import { ROLE_LABELS, type RoleCode } from '@cong-ttdt/workflow';

// "Tài khoản đăng nhập" (issue 19): each admin account's second factor and login throttle, with the
// Super Admin's two safeguards, reset of the second factor and unlock. The server answers only the
// Super Admin (controllers/sign-in.ts) and logs each action in the audit chain; this page shows what it
// was given.

interface Account {
  id: number;
  name: string;
  email: string;
  roles: string[];
  secondFactor: { required: boolean; forRoles: boolean; state: 'enrolled' | 'pending' | 'none' };
  login: { failures: number; waitSeconds: number; until: string | null; addresses: string[] } | null;
}
type Action = { kind: 'reset' | 'unlock'; account: Account };

const SECOND_FACTOR: Record<Account['secondFactor']['state'], { label: string; variant: 'success' | 'warning' | 'danger' }> = {
  enrolled: { label: 'Đã kích hoạt', variant: 'success' },
  pending: { label: 'Chờ kích hoạt', variant: 'warning' },
  none: { label: 'Chưa kích hoạt', variant: 'danger' },
};
/** The server's message of a failed request (useFetchClient's FetchError), or a general one. */
const errorMessage = (e: unknown) => {
  const err = e as { response?: { data?: { error?: { message?: string } } }; message?: string } | null;
  return err?.response?.data?.error?.message ?? err?.message ?? 'Có lỗi xảy ra.';
};
const roleLabel = (code: string) => ROLE_LABELS[code as RoleCode] ?? code;

function SecondFactorBadge({ account }: { account: Account }) {
  const { required, state } = account.secondFactor;
  if (!required) return <Badge>Không bắt buộc</Badge>;
  const { label, variant } = SECOND_FACTOR[state];
  return <Badge variant={variant}>{label}</Badge>;
}

function LoginState({ login }: { login: Account['login'] }) {
  if (!login) return <Typography>Bình thường</Typography>;
  if (login.until)
    return (
      <Typography textColor="danger600" fontWeight="bold">
        Tạm dừng đăng nhập đến {formatDateTime(login.until)} ({login.failures} lần nhập sai mật khẩu)
      </Typography>
    );
  return <Typography>{login.failures} lần nhập sai mật khẩu gần đây, đăng nhập được</Typography>;
}

const CONFIRM = {
  reset: {
    title: 'Đặt lại xác thực hai bước',
    body: (a: Account) =>
      `Đặt lại xác thực hai bước của ${a.name} (${a.email})? Mọi phiên đăng nhập của tài khoản này kết thúc; ở lần đăng nhập sau, tài khoản phải quét mã QR mới để kích hoạt lại. Việc này được ghi vào nhật ký.`,
    done: (a: Account) => `Đã đặt lại xác thực hai bước của ${a.name}.`,
    path: (a: Account) => `/editorial/accounts/${a.id}/second-factor/reset`,
  },
  unlock: {
    title: 'Mở khóa',
    body: (a: Account) =>
      `Mở khóa đăng nhập của ${a.name} (${a.email})? Số lần nhập sai mật khẩu được xóa, tài khoản đăng nhập lại được ngay. Việc này được ghi vào nhật ký.`,
    done: (a: Account) => `Đã mở khóa đăng nhập của ${a.name}.`,
    path: (a: Account) => `/editorial/accounts/${a.id}/unlock`,
  },
} as const;

const AccountsPage = () => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [accounts, setAccounts] = React.useState<Account[] | null>(null);
  const [refused, setRefused] = React.useState<string | null>(null);
  const [action, setAction] = React.useState<Action | null>(null);
  const [busy, setBusy] = React.useState(false);

  const load = React.useCallback(
    () =>
      get<{ data: Account[] }>('/editorial/accounts')
        .then((r) => {
          setAccounts(r.data.data);
          setRefused(null);
        })
        .catch((e) => setRefused(errorMessage(e))),
    [get],
  );
  React.useEffect(() => {
    load();
  }, [load]);

  const confirm = async () => {
    if (!action) return;
    const { kind, account } = action;
    setBusy(true);
    try {
      await post(CONFIRM[kind].path(account), {});
      toggleNotification({ type: 'success', message: CONFIRM[kind].done(account) });
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setBusy(false);
      setAction(null);
      await load();
    }
  };

  if (refused)
    return (
      <Page.Main>
        <Layouts.Header title="Tài khoản đăng nhập" />
        <Layouts.Content>
          <Typography data-testid="accounts-refused">{refused}</Typography>
        </Layouts.Content>
      </Page.Main>
    );
  if (!accounts) return <Page.Loading />;

  return (
    <Page.Main>
      <Layouts.Header
        title="Tài khoản đăng nhập"
        subtitle="Xác thực hai bước và tạm dừng đăng nhập của các tài khoản quản trị"
        primaryAction={
          <Button variant="secondary" onClick={() => load()}>
            Tải lại
          </Button>
        }
      />
      <Layouts.Content>
        <ul
          aria-label="Tài khoản quản trị"
          style={{
            listStyle: 'none',
            margin: 0,
            padding: 0,
            display: 'grid',
            gap: 16,
            gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 320px), 1fr))',
          }}
        >
          {accounts.map((a) => (
            <li key={a.id} aria-label={a.name} data-testid={`account-${a.id}`}>
              <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" height="100%">
                <Flex direction="column" alignItems="stretch" gap={2}>
                  <Typography variant="delta" tag="h2">
                    {a.name}
                  </Typography>
                  <Typography textColor="neutral600" style={{ overflowWrap: 'anywhere' }}>
                    {a.email}
                  </Typography>
                  <Typography variant="pi">{a.roles.length ? a.roles.map(roleLabel).join(', ') : 'Chưa có vai trò'}</Typography>
                  <Flex gap={2} wrap="wrap">
                    <Typography variant="sigma">Xác thực hai bước:</Typography>
                    <SecondFactorBadge account={a} />
                  </Flex>
                  <div data-testid="login-state">
                    <Typography variant="sigma">Đăng nhập: </Typography>
                    <LoginState login={a.login} />
                  </div>
                  <Flex gap={2} wrap="wrap" paddingTop={2}>
                    {a.secondFactor.state !== 'none' && (
                      <Button variant="danger-light" onClick={() => setAction({ kind: 'reset', account: a })}>
                        Đặt lại xác thực hai bước
                      </Button>
                    )}
                    {a.login?.until && (
                      <Button variant="secondary" onClick={() => setAction({ kind: 'unlock', account: a })}>
                        Mở khóa
                      </Button>
                    )}
                  </Flex>
                </Flex>
              </Box>
            </li>
          ))}
        </ul>
      </Layouts.Content>
      <Dialog.Root open={!!action} onOpenChange={(open) => !open && !busy && setAction(null)}>
        {action && (
          <Dialog.Content>
            <Dialog.Header>{CONFIRM[action.kind].title}</Dialog.Header>
            <Dialog.Body>
              <Typography>{CONFIRM[action.kind].body(action.account)}</Typography>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.Cancel>
                <Button fullWidth variant="tertiary" disabled={busy}>
                  Hủy
                </Button>
              </Dialog.Cancel>
              <Button fullWidth variant={action.kind === 'reset' ? 'danger' : 'default'} loading={busy} onClick={confirm}>
                {CONFIRM[action.kind].title}
              </Button>
            </Dialog.Footer>
          </Dialog.Content>
        )}
      </Dialog.Root>
    </Page.Main>
  );
};

export default AccountsPage;
