import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n/I18nProvider.js';

export function LangSwitch({ className }: { className?: string }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type="text"
      className={className}
      icon={<GlobalOutlined />}
      title={t('lang.switchTitle')}
      aria-label={t('lang.switchTitle')}
      data-testid="lang-switch"
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {t('lang.switch')}
    </Button>
  );
}
