import * as React from 'react';
import { Box, Button, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { ROLE_LABELS, type RoleCode } from '@cong-ttdt/workflow';

interface ProfileUser {
  id: number;
  name: string;
  email: string;
  roles: string[];
  unitId: number | null;
  fieldIds: number[];
}
interface Profiles {
  users: ProfileUser[];
  units: Array<{ id: number; name: string }>;
  fields: Array<{ id: number; name: string }>;
}

const cell: React.CSSProperties = { border: '1px solid #dcdce4', padding: '4px 8px', verticalAlign: 'top' };
const inputStyle: React.CSSProperties = {
  padding: 4,
  border: '1px solid #dcdce4',
  borderRadius: 4,
  fontFamily: 'inherit',
  fontSize: 13,
  maxWidth: 320,
};

// "Hồ sơ biên tập": each admin user's unit (reports count their items for it) and, for editors, their
// fields. Shown only to those the server lets list profiles (portal administrator, Super Admin).
export const ProfilesSection = () => {
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [data, setData] = React.useState<Profiles | null>(null);
  React.useEffect(() => {
    get<{ data: Profiles }>('/editorial/profiles')
      .then((r) => setData(r.data.data))
      .catch(() => setData(null));
  }, [get]);
  if (!data) return null;

  const update = (id: number, patch: Partial<ProfileUser>) =>
    setData({ ...data, users: data.users.map((u) => (u.id === id ? { ...u, ...patch } : u)) });
  const save = async (u: ProfileUser) => {
    try {
      await put(`/editorial/profiles/${u.id}`, { unitId: u.unitId, fieldIds: u.fieldIds });
      toggleNotification({ type: 'success', message: `Đã lưu hồ sơ biên tập của ${u.name}.` });
    } catch (e: any) {
      toggleNotification({ type: 'danger', message: e?.response?.data?.error?.message ?? 'Không lưu được.' });
    }
  };

  return (
    <Box background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="reports-profiles">
      <Typography variant="beta" tag="h2">
        Hồ sơ biên tập
      </Typography>
      <p>
        <Typography variant="pi" textColor="neutral600">
          Đơn vị của mỗi tài khoản (báo cáo tính tin, bài theo đơn vị của người viết) và lĩnh vực phụ trách của biên tập viên.
        </Typography>
      </p>
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
        <thead>
          <tr>
            <th scope="col" style={{ ...cell, textAlign: 'left' }}>
              Tài khoản
            </th>
            <th scope="col" style={{ ...cell, textAlign: 'left' }}>
              Đơn vị
            </th>
            <th scope="col" style={{ ...cell, textAlign: 'left' }}>
              Lĩnh vực phụ trách
            </th>
            <th scope="col" style={cell}>
              <span style={{ position: 'absolute', left: -9999 }}>Lưu</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.users.map((u) => (
            <tr key={u.id}>
              <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>
                {u.name}
                <br />
                <Typography variant="pi" textColor="neutral600">
                  {u.roles.map((r) => ROLE_LABELS[r as RoleCode] ?? r).join(', ')}
                </Typography>
              </th>
              <td style={cell}>
                <select
                  aria-label={`Đơn vị của ${u.name}`}
                  style={inputStyle}
                  value={u.unitId ?? ''}
                  onChange={(e) => update(u.id, { unitId: e.target.value ? Number(e.target.value) : null })}
                >
                  <option value="">— chưa chọn —</option>
                  {data.units.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name}
                    </option>
                  ))}
                </select>
              </td>
              <td style={cell}>
                {u.roles.includes('editor') ? (
                  <select
                    multiple
                    aria-label={`Lĩnh vực của ${u.name}`}
                    style={{ ...inputStyle, minHeight: 80 }}
                    value={u.fieldIds.map(String)}
                    onChange={(e) => update(u.id, { fieldIds: Array.from(e.target.selectedOptions).map((o) => Number(o.value)) })}
                  >
                    {data.fields.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.name}
                      </option>
                    ))}
                  </select>
                ) : (
                  <Typography variant="pi" textColor="neutral600">
                    —
                  </Typography>
                )}
              </td>
              <td style={cell}>
                <Button size="S" variant="secondary" onClick={() => save(u)}>
                  Lưu
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
};
