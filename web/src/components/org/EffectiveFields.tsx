import { DatePicker, Form, Input } from 'antd';
import { disabledDate } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** When a change to the tree takes effect, and why: every change to an organization is dated history. */
export function EffectiveFields({ establishedOn }: { establishedOn: string }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="effectiveOn" label={t('form.effectiveOn')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={disabledDate(establishedOn)} />
      </Form.Item>
      <Form.Item name="note" label={t('form.note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t('form.notePlaceholder')} />
      </Form.Item>
    </>
  );
}
