import { useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Drawer, Grid, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import {
  AlertOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ApiOutlined,
  CheckSquareOutlined,
  EditOutlined,
  FundProjectionScreenOutlined,
  LogoutOutlined,
  MenuOutlined,
  SettingOutlined,
  TeamOutlined,
  InboxOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { useAuth } from '../auth/AuthProvider';
import { useAbilities } from '../auth/abilities';
import { InboxBell } from '../features/notifications/InboxBell';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh';
import { LanguageSwitch } from './LanguageSwitch';

interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only to callers with this ability (GET /api/me/abilities). */
  ability?: string;
  children?: NavItem[];
}

const NAV: NavItem[] = [
  { path: '/tasks', label: 'nav.tasks', icon: <CheckSquareOutlined /> },
  { path: '/customers', label: 'nav.customers', icon: <TeamOutlined /> },
  { path: '/deals', label: 'nav.deals', icon: <FundProjectionScreenOutlined /> },
  { path: '/quick-log', label: 'nav.quickLog', icon: <EditOutlined /> },
  { path: '/appointments', label: 'nav.appointments', icon: <CalendarOutlined /> },
  { path: '/digests', label: 'nav.digests', icon: <BarChartOutlined /> },
  { path: '/pool', label: 'nav.pool', icon: <InboxOutlined /> },
  { path: '/ownership-conflicts', label: 'nav.conflicts', icon: <SwapOutlined />, ability: 'conflict.resolve' },
  { path: '/interventions', label: 'nav.interventions', icon: <AlertOutlined />, ability: 'intervention.view' },
  {
    path: '/admin',
    label: 'nav.admin',
    icon: <SettingOutlined />,
    ability: 'org.manage',
    children: [
      { path: '/admin/users', label: 'nav.adminUsers', icon: null },
      { path: '/admin/pipelines', label: 'nav.adminPipelines', icon: null },
      { path: '/admin/fields', label: 'nav.adminFields', icon: null },
      { path: '/admin/rules', label: 'nav.adminRules', icon: null },
      { path: '/admin/cadences', label: 'nav.adminCadences', icon: null },
      { path: '/admin/channels', label: 'nav.adminChannels', icon: null },
      { path: '/admin/calendar', label: 'nav.adminCalendar', icon: null },
    ],
  },
  { path: '/tokens', label: 'nav.tokens', icon: <ApiOutlined /> },
];

/** Desktop: side menu. Phone (< md): top bar with a drawer menu and a bottom bar for the four daily pages. */
export function AppLayout() {
  const { me, logout } = useAuth();
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const location = useLocation();
  const navigate = useNavigate();
  const [drawerOpen, setDrawerOpen] = useState(false);

  const abilities = useAbilities();
  const visible = NAV.filter((item) => !item.ability || abilities.can(item.ability));
  const items: MenuProps['items'] = visible.map((item) => ({
    key: item.path,
    icon: item.icon,
    label: item.children ? t(item.label) : <Link to={item.path}>{t(item.label)}</Link>,
    children: item.children?.map((child) => ({ key: child.path, label: <Link to={child.path}>{t(child.label)}</Link> })),
  }));
  const selected = [...visible.flatMap((i) => [i, ...(i.children ?? [])])]
    .filter((i) => location.pathname.startsWith(i.path))
    .map((i) => i.path);

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected}
      defaultOpenKeys={location.pathname.startsWith('/admin') ? ['/admin'] : []}
      onClick={() => setDrawerOpen(false)}
    />
  );
  const userBox = (
    <Space size={4} wrap data-testid="current-user">
      <Typography.Text strong>{me.displayName}</Typography.Text>
      <Tag color="blue">{t(`role.${me.role}` as MessageKey)}</Tag>
      {!isPhone && <Typography.Text type="secondary">{me.team.name}</Typography.Text>}
    </Space>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!isPhone && (
        <Layout.Sider theme="light" width={208} breakpoint="lg" collapsedWidth={64} style={{ borderRight: '1px solid #f0f0f0' }}>
          <div className="brand">{t('app.name')}</div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          {isPhone && <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label={t('nav.more')} />}
          {isPhone && <span className="brand-inline">{t('app.name')}</span>}
          <div style={{ flex: 1 }} />
          {!isPhone && userBox}
          <InboxBell compact={isPhone} />
          <LanguageSwitch compact={isPhone} />
          <Button type="text" icon={<LogoutOutlined />} onClick={logout} data-testid="logout">
            {!isPhone && t('nav.logout')}
          </Button>
        </Layout.Header>
        <Layout.Content className={isPhone ? 'app-content phone' : 'app-content'}>
          <Outlet />
        </Layout.Content>
        {isPhone && (
          <nav className="bottom-nav">
            {NAV.slice(0, 4).map((item) => (
              <button
                key={item.path}
                className={location.pathname.startsWith(item.path) ? 'active' : ''}
                onClick={() => navigate(item.path)}
                type="button"
              >
                <span className="icon">{item.icon}</span>
                <span>{t(item.label)}</span>
              </button>
            ))}
          </nav>
        )}
      </Layout>
      <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" width={260} title={t('app.name')} styles={{ body: { padding: 0 } }}>
        <div style={{ padding: '12px 24px', borderBottom: '1px solid #f0f0f0' }}>
          {userBox}
          <div>
            <Typography.Text type="secondary">{me.team.name}</Typography.Text>
          </div>
        </div>
        {menu}
      </Drawer>
    </Layout>
  );
}
