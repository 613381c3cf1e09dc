import { Alert, App as AntApp, Button, Checkbox, DatePicker, Drawer, Flex, Form, Grid, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../api.js';
import type { PairingDetail, PairingQuotas, PairingSettingsView } from '../../contracts.js';
import { disabledDate, isoDay, noteOf, today } from '../../forms.js';
import { useSubmit } from '../../useSubmit.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../orgTree.js';
import { useApi } from '../../useApi.js';
import { HouseholdSelect } from '../diaries/HouseholdSelect.js';
import { notVillage } from '../diaries/villages.js';
import { OrgPicker } from '../org/OrgPicker.js';
import { flagLabel } from './labels.js';

interface Values { orgCode?: string; householdId?: string; cadreId?: string; helpTypes: string[]; startedOn: Dayjs; note?: string }

interface Props {
  open: boolean;
  index: OrgIndex;
  settings?: PairingSettingsView;
  orgCode?: string;
  onClose: () => void;
  onSaved: (p: PairingDetail) => void;
}

/**
 * 新增结对: a household of a village and a cadre of the township above it, offered with their rank's
 * quota and households already paired, so the one choosing sees who is short or over.
 */
export function PairDrawer({ open, index, settings, orgCode, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const village = Form.useWatch('orgCode', form);
  const township = village ? index.byCode.get(village)?.parentCode ?? undefined : undefined;
  const quotas = useApi(open && township ? township : null, (signal) => api.get<PairingQuotas>('/api/pairing/quotas', { org: township }, { signal }));
  const { busy, error, setError, submit: save } = useSubmit(form, ['householdId', 'cadreId', 'helpTypes', 'startedOn', 'note'], async (values: Values) => {
    const saved = await api.post<PairingDetail>('/api/pairing/pairings', {
      cadreId: values.cadreId, householdId: values.householdId, helpTypes: values.helpTypes, startedOn: isoDay(values.startedOn), note: noteOf(values.note),
    });
    message.success(t('pairing.pair.saved', { cadre: saved.cadre.name, name: saved.household.headName }));
    onSaved(saved);
  });
  const cadres = (quotas.data?.items ?? []).map((q) => ({
    value: q.cadre.id,
    label: `${q.cadre.name}（${q.rank?.name ?? t('pairing.quota.unranked')} ${q.paired}/${q.quota ?? '—'} ${flagLabel(t, q.flag)}）`,
  }));
  return (
    <Drawer open={open} onClose={onClose} title={t('pairing.pair.title')} size={screens.md ? 560 : '100%'} destroyOnHidden data-testid="pair-drawer"
      afterOpenChange={(visible) => !visible && setError(null)}
      footer={(
        <Flex vertical gap={8}>
          {error && <Alert type="error" showIcon title={error} data-testid="pair-error" />}
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>{t('pairing.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="pair-save">{t('pairing.save')}</Button>
          </Flex>
        </Flex>
      )}>
      <Form form={form} layout="vertical" initialValues={{ orgCode, helpTypes: [], startedOn: today() }} onFinish={save}>
        <Form.Item name="orgCode" label={t('pairing.field.village')} rules={[{ required: true, message: t('pairing.pair.villageRequired') }]}>
          <OrgPicker index={index} isDisabled={notVillage} id="pair-village" />
        </Form.Item>
        <Form.Item name="householdId" label={t('pairing.field.household')} rules={[{ required: true, message: t('pairing.pair.householdRequired') }]}>
          <HouseholdSelect orgCode={village} id="pair-household" />
        </Form.Item>
        <Form.Item name="cadreId" label={t('pairing.field.cadre')} rules={[{ required: true, message: t('pairing.pair.cadreRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={cadres} loading={quotas.loading} disabled={!township} data-testid="pair-cadre" />
        </Form.Item>
        <Form.Item name="helpTypes" label={t('pairing.field.helpTypes')} rules={[{ required: true, type: 'array', min: 1, message: t('pairing.pair.helpRequired') }]}>
          <Checkbox.Group options={(settings?.helpTypes ?? []).map((h) => ({ value: h.id, label: h.name }))} data-testid="pair-help" />
        </Form.Item>
        <Form.Item name="startedOn" label={t('pairing.field.startedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={disabledDate()} allowClear={false} inputReadOnly />
        </Form.Item>
        <Form.Item name="note" label={t('pairing.field.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
