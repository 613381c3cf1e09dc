import { Alert, App, Button, DatePicker, Drawer, Form, Grid, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLayoutEffect, useMemo, useState } from 'react';
import { api } from '../../api.js';
import type { HouseholdChoices, VisitBody, VisitDetail, VisitOptions } from '../../contracts.js';
import { disabledDate, isoDay, noteOf, showServerErrors, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../orgTree.js';
import { useApi } from '../../useApi.js';
import { useDebounced } from '../../useDebounced.js';

interface Values { visitedOn: Dayjs; orgCode: string; participantIds: string[]; householdIds: string[]; purpose: string; problemsFound?: string; problemsSolved?: string }
const fields = ['visitedOn', 'orgCode', 'participantIds', 'householdIds', 'purpose', 'problemsFound', 'problemsSolved'];

/**
 * 登记走访, made for a phone in the village: today's date, the user's contracted villages first, the user
 * among those who went, households found by a few characters, the problems found and solved.
 */
export function VisitFormDrawer({ open, index, onClose, onSaved }: { open: boolean; index: OrgIndex | undefined; onClose: () => void; onSaved: (visit: VisitDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const wide = Grid.useBreakpoint().md;
  const [form] = Form.useForm<Values>();
  const orgCode = Form.useWatch('orgCode', form);
  const visitedOn = Form.useWatch('visitedOn', form);
  const day = isoDay(visitedOn) ?? isoDay(today())!;
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const [picked, setPicked] = useState<Map<string, string>>(new Map());

  const options = useApi(open ? `visit-options|${orgCode ?? ''}|${day}` : null, (signal) =>
    api.get<VisitOptions>('/api/contracting/visit-options', { org: orgCode, on: day }, { signal }));
  const found = useApi(open && orgCode ? `visit-households|${orgCode}|${q}` : null, (signal) =>
    api.get<HouseholdChoices>('/api/households/choices', { org: orgCode, q }, { signal }));
  const view = options.data;

  // The first contracted village, and the user among those who went, once the options arrive.
  useLayoutEffect(() => {
    if (!open || !view) return;
    if (!form.getFieldValue('orgCode') && view.villages[0]) form.setFieldValue('orgCode', view.villages[0].code);
    const chosen = (form.getFieldValue('participantIds') as string[] | undefined) ?? [];
    if (chosen.length === 0 && view.self && view.participants.some((p) => p.id === view.self!.id)) form.setFieldValue('participantIds', [view.self.id]);
  }, [open, view, form]);

  const villageOptions = useMemo(() => {
    const mine = (view?.villages ?? []).map((v) => ({ value: v.code, label: v.name }));
    const others = index ? [...index.byCode.values()]
      .filter((o) => o.status === 'active' && (o.unitType === 'village' || o.unitType === 'community') && o.type !== 'party_group' && !mine.some((m) => m.value === o.code))
      .map((o) => ({ value: o.code, label: o.name })) : [];
    return [
      ...(mine.length > 0 ? [{ label: t('contracting.form.villageHint'), options: mine }] : []),
      ...(others.length > 0 ? [{ label: t('contracting.form.otherVillage'), options: others }] : []),
    ];
  }, [view, index, t]);
  const householdOptions = useMemo(() => {
    const listed = (found.data?.items ?? []).map((h) => ({ value: h.id, label: [h.villagerGroup, h.number, h.headName].filter(Boolean).join(' ') }));
    const kept = [...picked].filter(([id]) => !listed.some((o) => o.value === id)).map(([value, label]) => ({ value, label }));
    return [...kept, ...listed];
  }, [found.data, picked]);

  const save = async (values: Values) => {
    setSaving(true);
    setFailure(null);
    try {
      const body: VisitBody = {
        orgCode: values.orgCode, visitedOn: isoDay(values.visitedOn)!, purpose: values.purpose.trim(), householdIds: values.householdIds ?? [],
        participantIds: values.participantIds?.length ? values.participantIds : undefined,
        problemsFound: noteOf(values.problemsFound), problemsSolved: noteOf(values.problemsSolved),
      };
      const visit = await api.post<VisitDetail>('/api/contracting/visits', body);
      message.success(t('contracting.form.saved'));
      form.resetFields();
      setPicked(new Map());
      onSaved(visit);
    } catch (error) {
      setFailure(showServerErrors(form, error, fields));
    } finally {
      setSaving(false);
    }
  };
  const required = [{ required: true, message: t('contracting.form.required') }];
  return (
    <Drawer open={open} onClose={onClose} title={t('contracting.form.title')} size={wide ? 520 : '100%'} destroyOnHidden
      extra={<Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="visit-save">{t('contracting.form.save')}</Button>}>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="visit-error" />}
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ visitedOn: today(), participantIds: [], householdIds: [] }} data-testid="visit-form">
        <Form.Item name="visitedOn" label={t('contracting.form.visitedOn')} rules={required}>
          <DatePicker allowClear={false} disabledDate={disabledDate()} style={{ width: '100%' }} inputReadOnly data-testid="visit-date" />
        </Form.Item>
        <Form.Item name="orgCode" label={t('contracting.form.village')} rules={required}
          extra={orgCode && view?.village && (view.team ? t('contracting.form.team', { team: view.team.name }) : t('contracting.form.noTeam'))}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={villageOptions} data-testid="visit-village"
            onChange={() => { form.setFieldValue('householdIds', []); setPicked(new Map()); }} />
        </Form.Item>
        <Form.Item name="participantIds" label={t('contracting.form.participants')} rules={required}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} loading={options.loading} data-testid="visit-participants"
            options={(view?.participants ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.titles.join('、')}）` }))} />
        </Form.Item>
        <Form.Item name="householdIds" label={t('contracting.form.households')}>
          <Select mode="multiple" showSearch={{ filterOption: false, onSearch: setSearch }} placeholder={t('contracting.form.householdsSearch')} loading={found.loading}
            options={householdOptions} disabled={!orgCode} data-testid="visit-households"
            onChange={(ids: string[]) => setPicked(new Map(ids.map((id) => [id, householdOptions.find((o) => o.value === id)?.label ?? id])))} />
        </Form.Item>
        <Form.Item name="purpose" label={t('contracting.form.purpose')} rules={required}>
          <Input maxLength={200} placeholder={t('contracting.form.purposePlaceholder')} data-testid="visit-purpose" />
        </Form.Item>
        <Form.Item name="problemsFound" label={t('contracting.form.problemsFound')}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="visit-found" />
        </Form.Item>
        <Form.Item name="problemsSolved" label={t('contracting.form.problemsSolved')}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="visit-solved" />
        </Form.Item>
        <Button type="primary" block size="large" htmlType="submit" loading={saving} data-testid="visit-submit">{t('contracting.form.save')}</Button>
      </Form>
    </Drawer>
  );
}
