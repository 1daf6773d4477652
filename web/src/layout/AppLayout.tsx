import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Drawer, Grid, Layout, Menu, Space, Tag, Typography, type MenuProps } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useAbilities } from '../auth/abilities';
import { useAuth } from '../auth/AuthProvider';
import { InboxBell } from '../features/notifications/InboxBell';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncStatus } from '../offline/SyncStatus';
import { menuRoutes, ROUTES } from '../routes';

const abs = (path: string) => `/${path}`;

/** Desktop: side menu. Phone (< md): top bar with a drawer menu and a bottom bar for the four daily pages. */
export function AppLayout() {
  const { me, logout } = useAuth();
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const location = useLocation();
  const navigate = useNavigate();
  const [drawerOpen, setDrawerOpen] = useState(false);

  const visible = menuRoutes(useAbilities());
  const items: MenuProps['items'] = visible.map((item) => ({
    key: abs(item.path),
    icon: item.menu!.icon,
    label: item.children ? t(item.menu!.label) : <Link to={abs(item.path)}>{t(item.menu!.label)}</Link>,
    children: item.children?.map((child) => ({ key: abs(child.path), label: <Link to={abs(child.path)}>{t(child.menu!.label)}</Link> })),
  }));
  const selected = [...visible.flatMap((i) => [i, ...(i.children ?? [])])]
    .filter((i) => location.pathname.startsWith(abs(i.path)))
    .map((i) => abs(i.path));

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
          <SyncStatus />
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
            {ROUTES.filter((r) => r.menu).slice(0, 4).map((item) => (
              <button
                key={item.path}
                className={location.pathname.startsWith(abs(item.path)) ? 'active' : ''}
                onClick={() => navigate(abs(item.path))}
                type="button"
              >
                <span className="icon">{item.menu!.icon}</span>
                <span>{t(item.menu!.label)}</span>
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
