import { LogoutOutlined, MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Drawer, Grid, Layout, Tooltip } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/I18nProvider.js';
import { pick } from '../i18n/lang.js';
import { roleLabels } from '../../../src/platform/access/abilities.js';
import { useSession, useUser } from '../session.js';
import { LangSwitch } from './LangSwitch.js';
import { NavMenu } from './NavMenu.js';
import { PageLoading } from './PageLoading.js';

const collapsedKey = 'grassroots.siderCollapsed';

export function AppLayout() {
  const { t, lang } = useI18n();
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  // Before the first measurement `md` is undefined: assume a desktop rather than flash a drawer.
  const phone = screens.md === false;
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(collapsedKey) === '1');
  const [drawerOpen, setDrawerOpen] = useState(false);

  const toggleCollapsed = () => {
    localStorage.setItem(collapsedKey, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };
  const posts = user.posts.map((p) => `${p.title || pick(roleLabels[p.role], lang)} · ${p.orgName}`);

  const onSignOut = async () => {
    await signOut().catch(() => undefined);
    message.success(t('header.signedOut'));
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && (
        <Layout.Sider theme="light" width={lang === 'zh' ? 224 : 264} collapsible collapsed={collapsed} trigger={null} breakpoint="lg"
          style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div className="app-sider-brand">{collapsed ? t('app.short') : t('app.brand')}</div>
          <NavMenu />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          <Button
            type="text"
            aria-label={t('nav.menu')}
            icon={phone ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={phone ? () => setDrawerOpen(true) : toggleCollapsed}
          />
          <div className="app-header-title">
            {user.countyName}{phone ? '' : ` · ${t('app.title')}`}
          </div>
          <Tooltip title={posts.length > 1 ? posts.join('\n') : undefined} styles={{ root: { whiteSpace: 'pre-line' } }}>
            <div className="app-header-user">
              <span>{user.name}</span>
              {!phone && posts[0] && <small>{posts[0]}{posts.length > 1 ? ` +${posts.length - 1}` : ''}</small>}
            </div>
          </Tooltip>
          <LangSwitch />
          <Tooltip title={t('header.signOut')}>
            <Button type="text" icon={<LogoutOutlined />} aria-label={t('header.signOut')} onClick={onSignOut}>
              {phone ? null : t('header.signOut')}
            </Button>
          </Tooltip>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {phone && (
        <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} title={t('app.title')}
          size={300} styles={{ body: { padding: 0 } }}>
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
