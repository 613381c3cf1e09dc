import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/I18nProvider.js';

function BackHome() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return <Button type="primary" onClick={() => navigate('/')}>{t('common.backHome')}</Button>;
}

/** The 403 page's content, also shown in place of a page whose API answered 403. */
export function ForbiddenView({ detail }: { detail?: string }) {
  const { t } = useI18n();
  return <Result status="403" title="403" subTitle={detail ?? t('result.403')} extra={<BackHome />} />;
}

/** The 404 page's content, also shown when an organization does not exist. */
export function NotFoundView({ detail }: { detail?: string }) {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={detail ?? t('result.404')} extra={<BackHome />} />;
}

/** Any other failure of a page's main request, with a retry. */
export function ErrorView({ detail, onRetry }: { detail: string; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Result status="error" title={t('result.error')} subTitle={detail}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>} />
  );
}
