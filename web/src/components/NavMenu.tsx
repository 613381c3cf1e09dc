import {
  ApartmentOutlined, AuditOutlined, BarChartOutlined, CalendarOutlined, CheckSquareOutlined, FlagOutlined, HomeOutlined, MoneyCollectOutlined,
  NotificationOutlined, SettingOutlined, StarOutlined, SolutionOutlined, SwapOutlined, TeamOutlined, ToolOutlined, UsergroupAddOutlined, UserSwitchOutlined,
} from '@ant-design/icons';
import { Menu, Tag, Tooltip, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useI18n, type Translate } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { useUser } from '../session.js';

type Item = NonNullable<MenuProps['items']>[number];

/** A capability that is planned but not built: shown, disabled and labelled as such. */
function coming(t: Translate, key: string, label: MessageKey, icon?: ReactNode): Item {
  return {
    key,
    icon,
    disabled: true,
    label: (
      <span>
        {t(label)}
        <Tag className="coming-tag" variant="filled">{t('nav.coming')}</Tag>
      </span>
    ),
  };
}

/** A page the user's posts may not allow: shown disabled, with the reason in a tooltip. */
function gated(t: Translate, key: string, label: MessageKey, icon: ReactNode, allowed: boolean, reason: MessageKey): Item {
  return {
    key,
    icon,
    disabled: !allowed,
    label: allowed ? t(label) : (
      <Tooltip title={t(reason)} placement="right">
        <span>{t(label)}</span>
      </Tooltip>
    ),
  };
}

function selectedKey(pathname: string): string {
  if (pathname === '/') return '/';
  const first = '/' + (pathname.split('/')[1] ?? '');
  return first;
}

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items: Item[] = [
    { key: '/', icon: <HomeOutlined />, label: t('nav.home') },
    { key: '/organizations', icon: <ApartmentOutlined />, label: t('nav.organizations') },
    gated(t, '/members', 'nav.members', <TeamOutlined />, user.abilities.includes('person.read'), 'nav.noMembersAbility'),
    gated(t, '/households', 'nav.households', <HomeOutlined />, user.abilities.includes('person.read'), 'nav.noMembersAbility'),
    gated(t, '/transfers', 'nav.transfers', <SwapOutlined />, user.abilities.includes('person.read'), 'nav.noMembersAbility'),
    { key: '/meetings', icon: <CalendarOutlined />, label: t('nav.meetings') },
    { key: '/compliance', icon: <CheckSquareOutlined />, label: t('nav.compliance') },
    // Members read the account their branch publishes to them; the rest of the dues pages need 'person.read'.
    { key: '/dues', icon: <MoneyCollectOutlined />, label: t('nav.dues') },
    { key: '/points', icon: <StarOutlined />, label: t('nav.points') },
    gated(t, '/appraisal', 'nav.appraisal', <SolutionOutlined />, user.abilities.includes('person.read'), 'nav.noMembersAbility'),
    {
      key: 'contact',
      icon: <UsergroupAddOutlined />,
      label: t('nav.contact'),
      children: [{ key: '/contracting', label: t('nav.visits') }, gated(t, '/diaries', 'nav.diaries', undefined, user.abilities.includes('visit.record'), 'nav.noDiariesAbility'), gated(t, '/pairing', 'nav.pairing', undefined, user.abilities.includes('person.read'), 'nav.noMembersAbility'), gated(t, '/concerns', 'nav.concerns', undefined, user.abilities.includes('concern.handle'), 'concerns.reason.no_ability'), gated(t, '/petitions', 'nav.petitions', undefined, user.abilities.includes('petition.register'), 'petitions.reason.no_ability')],
    },
    {
      key: 'rectification',
      icon: <ToolOutlined />,
      label: t('nav.rectification'),
      children: [gated(t, '/screening', 'screening.nav', undefined, user.abilities.includes('screening.report'), 'screening.reason.no_ability'), gated(t, '/rectification', 'rectification.nav', undefined, user.abilities.includes('rectification.report'), 'rectification.reason.no_ability'), gated(t, '/assessments', 'assessments.nav', undefined, user.abilities.includes('member.manage'), 'assessments.noAbility')],
    },
    { key: '/commitments', icon: <FlagOutlined />, label: t('nav.commitments') },
    coming(t, 'disclosure', 'nav.disclosure', <NotificationOutlined />),
    gated(t, '/statistics', 'nav.reports', <BarChartOutlined />, user.abilities.includes('person.read'), 'nav.noStatisticsAbility'),
    gated(t, '/audit', 'nav.audit', <AuditOutlined />, user.abilities.includes('audit.read'), 'nav.noAuditAbility'),
    gated(t, '/users', 'nav.users', <UserSwitchOutlined />, user.abilities.includes('user.manage'), 'nav.noUsersAbility'),
    { key: '/calendar', icon: <CalendarOutlined />, label: t('nav.calendar') },
    { key: '/account', icon: <SettingOutlined />, label: t('nav.account') },
  ];

  return (
    <Menu
      mode="inline"
      style={{ borderInlineEnd: 'none' }}
      items={items}
      selectedKeys={[selectedKey(pathname)]}
      onClick={({ key }) => {
        if (!key.startsWith('/')) return;
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
