import { Alert, App as AntApp, Button, DatePicker, Drawer, Flex, Form, Grid, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api.js';
import type { DiaryDetail } from '../../contracts.js';
import { disabledDate, isoDay, today } from '../../forms.js';
import { useSubmit } from '../../useSubmit.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../orgTree.js';
import { OrgPicker } from '../org/OrgPicker.js';
import { HouseholdSelect } from './HouseholdSelect.js';
import { notVillage } from './villages.js';

const texts = ['situation', 'problems', 'demands', 'plan', 'result'] as const;
const fields = ['orgCode', 'writtenOn', 'householdId', 'visitId', ...texts];

interface Values {
  orgCode?: string;
  writtenOn?: Dayjs;
  householdId?: string;
  situation?: string;
  problems?: string;
  demands?: string;
  plan?: string;
  result?: string;
}

interface Props {
  open: boolean;
  index: OrgIndex;
  /** The diary being corrected; none: a new one. */
  diary?: DiaryDetail;
  /** The village a new diary starts with. */
  orgCode?: string;
  onClose: () => void;
  onSaved: (diary: DiaryDetail) => void;
}

const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/**
 * 写民情日记: the village, a household found by name, the day and the five fields local diaries keep.
 * The whole screen on a phone; a correction sends what changed, an emptied field as cleared.
 */
export function DiaryFormDrawer({ open, index, diary, orgCode, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const village = Form.useWatch('orgCode', form);

  const { busy, error, setError, submit: save } = useSubmit(form, fields, async (values: Values) => {
    const own = Object.fromEntries(texts.map((f) => [f, trimmed(values[f])]));
    const saved = diary
      ? await api.patch<DiaryDetail>(`/api/diaries/${encodeURIComponent(diary.id)}`, {
        writtenOn: isoDay(values.writtenOn), householdId: values.householdId ?? null,
        ...Object.fromEntries(texts.map((f) => [f, f === 'situation' ? own[f] ?? '' : own[f] ?? null])),
      })
      : await api.post<DiaryDetail>('/api/diaries', { orgCode: values.orgCode, writtenOn: isoDay(values.writtenOn), householdId: values.householdId, ...own });
    message.success(t(diary ? 'diaries.form.updated' : 'diaries.form.created'));
    onSaved(saved);
  });

  const initial: Values = diary
    ? { orgCode: diary.org.code, writtenOn: dayjs(diary.writtenOn), householdId: diary.household?.id, situation: diary.situation,
      problems: diary.problems ?? undefined, demands: diary.demands ?? undefined, plan: diary.plan ?? undefined, result: diary.result ?? undefined }
    : { orgCode, writtenOn: today() };

  return (
    <Drawer open={open} onClose={onClose} title={t(diary ? 'diaries.form.editTitle' : 'diaries.write')} size={screens.md ? 640 : '100%'} destroyOnHidden
      afterOpenChange={(visible) => !visible && setError(null)} styles={{ body: { paddingTop: 12 } }} data-testid="diary-drawer"
      footer={(
        <Flex vertical gap={8}>
          {error && <Alert type="error" showIcon title={error} data-testid="diary-form-error" />}
          <Flex justify="end" gap={8}>
            <Button onClick={onClose}>{t('diaries.form.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="diary-save">{t('diaries.form.save')}</Button>
          </Flex>
        </Flex>
      )}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} requiredMark="optional">
        <Form.Item name="orgCode" label={t('diaries.field.village')} rules={[{ required: true, message: t('diaries.form.villageRequired') }]}>
          <OrgPicker index={index} isDisabled={notVillage} id="diary-village" />
        </Form.Item>
        <Flex wrap gap="0 12px">
          <Form.Item name="writtenOn" label={t('diaries.field.writtenOn')} rules={[{ required: true, message: t('diaries.form.dateRequired') }]} style={{ flex: '1 1 160px' }}>
            <DatePicker style={{ width: '100%' }} disabledDate={disabledDate()} allowClear={false} inputReadOnly data-testid="diary-date" />
          </Form.Item>
          <Form.Item name="householdId" label={t('diaries.field.household')} style={{ flex: '2 1 220px' }}>
            <HouseholdSelect orgCode={village} current={diary?.household} id="diary-household" />
          </Form.Item>
        </Flex>
        {texts.map((f) => (
          <Form.Item key={f} name={f} label={t(`diaries.field.${f}`)}
            rules={f === 'situation' ? [{ required: true, whitespace: true, message: t('diaries.form.situationRequired') }] : []}>
            <Input.TextArea autoSize={{ minRows: f === 'situation' ? 3 : 2, maxRows: 10 }} maxLength={5000} showCount={false} data-testid={`diary-${f}`} />
          </Form.Item>
        ))}
      </Form>
    </Drawer>
  );
}
