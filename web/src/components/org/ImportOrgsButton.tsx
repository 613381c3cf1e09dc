import { ImportOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ImportOrgsModal } from './ImportOrgsModal.js';

export function ImportOrgsButton({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="small" icon={<ImportOutlined />} onClick={() => setOpen(true)} data-testid="import-button">{t('import.button')}</Button>
      <ImportOrgsModal open={open} onClose={() => setOpen(false)} onDone={() => { setOpen(false); onDone(); }} />
    </>
  );
}
