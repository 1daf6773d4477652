import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { App, Badge, Button, List, Space, Tabs, Tag, Typography } from 'antd';
import { CheckOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api, errorMessage, type Page } from '../../api/client';
import type { Task } from '../../api/types';
import { ExportButton } from '../../components/ExportButton';
import { PageTitle } from '../../components/PageTitle';
import { When } from '../../components/When';
import { useI18n } from '../../i18n';
import { SlaTag } from '../sla/SlaTag';
import { useSlaStates } from '../sla/api';
import { CadenceSteps } from '../cadences/CadenceSteps';
import { TaskFormModal } from './TaskFormModal';
import { newIdempotencyKey, sendOrQueue } from '../../offline/queue';
import { queryKeys } from '../../api/queryKeys';
import { RiskList } from '../patterns/RiskFlags';
import { useAuth } from '../../auth/AuthProvider';

type View = 'today' | 'overdue' | 'upcoming';
const VIEWS: View[] = ['today', 'overdue', 'upcoming'];

function useTasks(view: View) {
  return useQuery({ queryKey: queryKeys.tasks(view), queryFn: () => api.get<Page<Task>>('/api/tasks', { view, assigneeId: 'me', pageSize: 100 }) });
}

export function MyTasksPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [view, setView] = useState<View>('today');
  const [creating, setCreating] = useState(false);
  const counts = { today: useTasks('today'), overdue: useTasks('overdue'), upcoming: useTasks('upcoming') };
  return (
    <div>
      <PageTitle
        title={t('nav.tasks')}
        extra={
          <Space>
            {/* The three tabs together are my open tasks; the export has no due-day views, so it carries all of them. */}
            <ExportButton list="tasks" query={{ ownerId: me.id, status: 'open' }} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-task">
              {t('forms.newTask')}
            </Button>
          </Space>
        }
      />
      <TaskFormModal open={creating} onClose={() => setCreating(false)} />
      <CadenceSteps />
      {/* Flags on open deals in scope: a seller's own, a lead's team (the same list the patterns page shows). */}
      <RiskList />
      <Tabs
        activeKey={view}
        onChange={(k) => setView(k as View)}
        items={VIEWS.map((v) => ({
          key: v,
          label: (
            <span>
              {t(`tasks.${v}`)}{' '}
              <Badge count={counts[v].data?.total ?? 0} color={v === 'overdue' ? 'red' : 'blue'} showZero={false} />
            </span>
          ),
          children: <TaskList view={v} />,
        }))}
      />
    </div>
  );
}

function TaskList({ view }: { view: View }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const query = useTasks(view);
  const [editing, setEditing] = useState<Task | undefined>();
  const sla = useSlaStates('task', query.data?.items.filter((task) => task.status === 'open').map((task) => task.id) ?? []);
  // Completing works offline too: kept on the device and sent with its key when the connection returns.
  const complete = useMutation({
    networkMode: 'always',
    mutationFn: (task: Task) => sendOrQueue<Task>({ key: newIdempotencyKey('td'), kind: 'task_done', method: 'PATCH', path: `/api/tasks/${task.id}`, body: { status: 'done' }, label: task.title }),
    onSuccess: (sent) => {
      message.success(sent.queued ? t('fieldlog.offlineSaved') : t('tasks.completed'));
      client.invalidateQueries({ queryKey: queryKeys.tasks() });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (query.error) return <Typography.Text type="danger">{errorMessage(query.error)}</Typography.Text>;
  return (
    <>
    <TaskFormModal open={!!editing} task={editing} onClose={() => setEditing(undefined)} />
    <List<Task>
      loading={query.isPending}
      dataSource={query.data?.items ?? []}
      locale={{ emptyText: t('common.empty') }}
      renderItem={(task) => (
        <List.Item
          data-testid="task-row"
          actions={[
            task.status === 'open' && <Button key="edit" size="small" type="text" icon={<EditOutlined />} aria-label={t('forms.editTask')} onClick={() => setEditing(task)} data-testid="task-edit" />,
            task.status === 'open' ? (
              <Button key="done" size="small" icon={<CheckOutlined />} loading={complete.isPending && complete.variables?.id === task.id} onClick={() => complete.mutate(task)}>
                {t('tasks.complete')}
              </Button>
            ) : (
              <Tag key="status">{t(`tasks.status.${task.status}`)}</Tag>
            ),
          ]}
        >
          <List.Item.Meta
            title={
              <span>
                {task.title} <SlaTag sla={sla.data?.get(task.id)} quiet showDue={false} />
              </span>
            }
            description={
              <span>
                {t('tasks.due')}: <Typography.Text type={view === 'overdue' ? 'danger' : undefined}><When at={task.dueAt} /></Typography.Text>
                {task.customer && (
                  <>
                    {' · '}
                    <Link to={`/customers/${task.customer.id}`}>{task.customer.name}</Link>
                  </>
                )}
                {task.deal && (
                  <>
                    {' · '}
                    <Link to={`/deals/${task.deal.id}`}>{task.deal.title}</Link>
                  </>
                )}
              </span>
            }
          />
        </List.Item>
      )}
    />
    </>
  );
}
