import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Select, Switch, Table, Tree } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorMessage, type Page } from '../../api/client';
import { ROLES, type Team, type UserRow } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh';
import { HandoverModal } from '../leads/HandoverModal';
import { queryKeys } from '../../api/queryKeys';

const TEAM_KINDS = ['company', 'region', 'store', 'team'] as const;

export function useTeams() {
  return useQuery({ queryKey: queryKeys.teams(), queryFn: () => api.get<Page<Team>>('/api/teams') });
}

interface TreeNode {
  key: string;
  title: string;
  children: TreeNode[];
}

function buildTree(teams: Team[], t: (k: MessageKey) => string): TreeNode[] {
  const nodes = new Map<string, TreeNode>(teams.map((tm) => [tm.id, { key: tm.id, title: `${tm.name} · ${t(`admin.teamKind.${tm.kind}` as MessageKey)}`, children: [] }]));
  const roots: TreeNode[] = [];
  for (const tm of teams) {
    const node = nodes.get(tm.id)!;
    const parent = tm.parentId ? nodes.get(tm.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Users and the team tree; picking a team filters the users to its subtree. */
export function UsersPage() {
  const { t } = useI18n();
  const teams = useTeams();
  const [team, setTeam] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [modal, setModal] = useState<'user' | 'team' | null>(null);
  const users = useQuery({ queryKey: queryKeys.users(team, q), queryFn: () => api.get<Page<UserRow>>('/api/users', { team, q }) });
  const tree = useMemo(() => buildTree(teams.data?.items ?? [], t), [teams.data, t]);
  return (
    <div>
      <PageTitle
        title={t('nav.adminUsers')}
        extra={
          <>
            <Button icon={<PlusOutlined />} onClick={() => setModal('team')}>
              {t('admin.newTeam')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('user')}>
              {t('admin.newUser')}
            </Button>
          </>
        }
      />
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          <Card size="small" title={t('admin.teams')}>
            {tree.length > 0 && <Tree treeData={tree} defaultExpandAll onSelect={(keys) => setTeam(keys[0] as string | undefined)} />}
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card size="small" title={t('admin.users')} extra={<Input.Search allowClear size="small" onSearch={setQ} style={{ width: 180 }} />}>
            <UsersTable users={users.data?.items ?? []} loading={users.isPending} teams={teams.data?.items ?? []} />
          </Card>
        </Col>
      </Row>
      <UserModal open={modal === 'user'} onClose={() => setModal(null)} teams={teams.data?.items ?? []} />
      <TeamModal open={modal === 'team'} onClose={() => setModal(null)} teams={teams.data?.items ?? []} />
    </div>
  );
}

function UsersTable({ users, loading, teams }: { users: UserRow[]; loading: boolean; teams: Team[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [leaving, setLeaving] = useState<UserRow | null>(null);
  const patch = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) => api.patch(`/api/users/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.users() }),
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <>
      <Table<UserRow>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={users}
        scroll={{ x: 640 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('admin.displayName'), dataIndex: 'displayName' },
          { title: t('admin.username'), dataIndex: 'username' },
          {
            title: t('admin.role'),
            dataIndex: 'role',
            render: (role: string, u) => (
              <Select size="small" value={role} style={{ width: 120 }} onChange={(r) => patch.mutate({ id: u.id, body: { role: r } })} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
            ),
          },
          {
            title: t('admin.team'),
            render: (_, u) => (
              <Select size="small" value={u.team.id} style={{ width: 140 }} onChange={(teamId) => patch.mutate({ id: u.id, body: { teamId } })} options={teams.map((tm) => ({ value: tm.id, label: tm.name }))} />
            ),
          },
          { title: t('admin.active'), dataIndex: 'active', render: (a: boolean, u) => <Switch size="small" checked={a} onChange={(v) => patch.mutate({ id: u.id, body: { active: v } })} /> },
          { title: '', render: (_, u) => <Button size="small" onClick={() => setLeaving(u)}>{t('handover.button')}</Button> },
        ]}
      />
      <HandoverModal user={leaving} candidates={users.filter((u) => u.active)} onClose={() => setLeaving(null)} />
    </>
  );
}

function UserModal({ open, onClose, teams }: { open: boolean; onClose(): void; teams: Team[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post('/api/users', v),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: queryKeys.users() });
      form.resetFields();
      onClose();
    },
  });
  return (
    <Modal open={open} title={t('admin.newUser')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ role: 'seller' }}>
        <Form.Item name="username" label={t('admin.username')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="displayName" label={t('admin.displayName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label={t('admin.password')} rules={[{ required: true, min: 8 }]}>
          <Input.Password />
        </Form.Item>
        <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="teamId" label={t('admin.team')} rules={[{ required: true }]}>
          <Select options={teams.map((tm) => ({ value: tm.id, label: `${'　'.repeat(Math.max(tm.depth, 0))}${tm.name}` }))} />
        </Form.Item>
        {save.error && <Alert type="error" showIcon message={errorMessage(save.error)} />}
      </Form>
    </Modal>
  );
}

function TeamModal({ open, onClose, teams }: { open: boolean; onClose(): void; teams: Team[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post('/api/teams', v),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: queryKeys.teams() });
      form.resetFields();
      onClose();
    },
  });
  return (
    <Modal open={open} title={t('admin.newTeam')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ kind: 'team' }}>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.teamKind')} rules={[{ required: true }]}>
          <Select options={TEAM_KINDS.map((k) => ({ value: k, label: t(`admin.teamKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="parentId" label={t('admin.parentTeam')}>
          <Select allowClear options={teams.map((tm) => ({ value: tm.id, label: `${'　'.repeat(Math.max(tm.depth, 0))}${tm.name}` }))} />
        </Form.Item>
        {save.error && <Alert type="error" showIcon message={errorMessage(save.error)} />}
      </Form>
    </Modal>
  );
}
