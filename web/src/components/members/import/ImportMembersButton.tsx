import { ImportOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useUser } from '../../../session.js';

/** The way from the member list to the import wizard; without the ability it stays, disabled, with the reason. */
export function ImportMembersButton() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const allowed = useUser().abilities.includes('member.manage');
  const button = (
    <Button icon={<ImportOutlined />} disabled={!allowed} onClick={() => navigate('/members/import')} data-testid="member-import">
      {t('memberImport.button')}
    </Button>
  );
  return allowed ? button : <Tooltip title={t('memberImport.noAbility')}><span>{button}</span></Tooltip>;
}
