import { PrinterOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Flex, Modal, Radio, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { CardSettings, Permission } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useApi } from '../../useApi.js';
import { problemText } from '../import/ImportFile.js';
import { PublicAddressSetting } from './PublicAddressSetting.js';

type Layout = 'card' | 'sheet';

/**
 * 打印民情联系卡: a village's batch, or one household's card, as a PDF in the layout chosen, with
 * the address the QR codes lead to (which the county administrator may change here). The button is
 * disabled with the reason when the user may not print there (the same ability as managing the
 * village's households) or no village is chosen yet.
 */
export function PrintCards({ village, household, can, reason, testId = 'cards-print' }: {
  /** The village's code and name. */
  village: { code: string; name: string } | undefined;
  household?: { id: string; headName: string };
  can: Permission | undefined;
  /** The page's words for a refusal. */
  reason: (p: Permission | undefined) => MessageKey;
  testId?: string;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [layout, setLayout] = useState<Layout>(household ? 'card' : 'sheet');
  const [busy, setBusy] = useState(false);
  const settings = useApi(open ? 'card-settings' : null, (signal) => api.get<CardSettings>('/api/concern-cards/settings', undefined, { signal }));
  const label = t(household ? 'cards.printOne' : 'cards.print');

  if (!village || !can?.allowed) {
    const why = village ? t(reason(can)) : t('cards.pickVillage');
    return <Tooltip title={why}><Button icon={<PrinterOutlined />} disabled data-testid={testId}>{label}</Button></Tooltip>;
  }
  const base = settings.data?.publicAddress?.replace(/\/+$/, '') ?? window.location.origin;
  const download = async () => {
    setBusy(true);
    try {
      const query = new URLSearchParams({ village: village.code, layout, ...(household ? { household: household.id } : {}) });
      await api.download(`/api/concern-cards?${query}`, `${village.name}民情联系卡.pdf`);
      message.success(t('cards.downloaded'));
      setOpen(false);
    } catch (e) {
      message.error(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<PrinterOutlined />} onClick={() => setOpen(true)} data-testid={testId}>{label}</Button>
      <Modal open={open} onCancel={() => setOpen(false)} title={household ? t('cards.titleOne', { name: household.headName }) : t('cards.title')} destroyOnHidden
        footer={[
          <Button key="cancel" onClick={() => setOpen(false)}>{t('cards.cancel')}</Button>,
          <Button key="go" type="primary" icon={<PrinterOutlined />} loading={busy} onClick={download} data-testid="cards-download">{t('cards.download')}</Button>,
        ]}>
        <Flex vertical gap={12} data-testid="cards-dialog">
          {!household && <Typography.Text strong>{t('cards.village', { village: village.name })}</Typography.Text>}
          <div>
            <Typography.Text type="secondary">{t('cards.layout')}</Typography.Text>
            <Radio.Group value={layout} onChange={(e) => setLayout(e.target.value as Layout)} style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 4 }} data-testid="cards-layout">
              {(['sheet', 'card'] as const).map((value) => (
                <Radio key={value} value={value} data-testid={`cards-layout-${value}`}>
                  {t(`cards.layout.${value}`)} <Typography.Text type="secondary">— {t(`cards.layout.${value}Hint`)}</Typography.Text>
                </Radio>
              ))}
            </Radio.Group>
          </div>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('cards.content')}</Typography.Paragraph>
          <Typography.Text data-testid="cards-qr-target">
            {t('cards.qrTarget')}：<Typography.Text code>{`${base}/v/${village.code}`}</Typography.Text>
            {settings.data && !settings.data.publicAddress && <Typography.Text type="secondary">（{t('cards.qrHere')}）</Typography.Text>}
          </Typography.Text>
          {/* Where a wrong address would be printed: the county administrator may correct it before printing. */}
          {settings.data?.can.edit.allowed && <PublicAddressSetting onSaved={settings.reload} />}
        </Flex>
      </Modal>
    </>
  );
}
