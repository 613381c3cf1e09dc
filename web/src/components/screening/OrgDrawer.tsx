import { Alert, App, Button, DatePicker, Divider, Drawer, Empty, Flex, Form, Input, List, Modal, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { ScreeningDefinitionBody, ScreeningFinding, ScreeningFindingResult, ScreeningOrgFindings, ScreeningSettings } from '../../contracts.js';
import { disabledDate, isoDay, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { useSubmit } from '../../useSubmit.js';
import { ApiFailure } from '../ApiFailure.js';
import { categoryColors, dayLabel, reasonOf } from './format.js';
import { Refused } from '../Refused.js';

interface Props {
  roundId: string;
  orgCode: string | null;
  criterion?: string;
  onClose: () => void;
  onChanged: () => void;
}

type FindingValues = { criterionCode: string; channel: ScreeningFinding['channel']; department?: string; evidence: string; foundOn: import('dayjs').Dayjs };
type DefineValues = { definedOn: import('dayjs').Dayjs; basis: string };

/** One village in the round: its findings with evidence and channel, proposals to decide, a new finding, the definition. */
export function OrgDrawer({ roundId, orgCode, criterion, onClose, onChanged }: Props) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const view = useApi(orgCode ? `${roundId}|${orgCode}|${criterion ?? ''}|${lang}` : null,
    (signal) => api.get<ScreeningOrgFindings>(`/api/screening/rounds/${roundId}/findings`, { org: orgCode!, criterion }, { signal }));
  const settings = useApi(orgCode ? `screening-settings|${lang}` : null, (signal) => api.get<ScreeningSettings>('/api/screening/settings', undefined, { signal }));
  const [findingForm] = Form.useForm<FindingValues>();
  const [defineForm] = Form.useForm<DefineValues>();
  const [dismissing, setDismissing] = useState<ScreeningFinding | null>(null);
  const [reason, setReason] = useState('');
  const changed = () => { view.reload(); onChanged(); };
  const told = (result: ScreeningFindingResult) => {
    if (result.relapsed) modal.warning({ title: t('screening.relapsed'), content: result.relapsed.message });
    else message.success(t('screening.saved'));
    changed();
  };
  const record = useSubmit<FindingValues>(findingForm, ['criterionCode', 'channel', 'department', 'evidence', 'foundOn'], async (v) => {
    told(await api.post<ScreeningFindingResult>(`/api/screening/rounds/${roundId}/findings`, { ...v, orgCode, foundOn: isoDay(v.foundOn), department: v.channel === 'department' ? v.department : undefined }));
    findingForm.resetFields(['evidence']);
  });
  const define = useSubmit<DefineValues>(defineForm, ['definedOn', 'basis'], async (v) => {
    const body: ScreeningDefinitionBody = { orgCode: orgCode!, definedOn: isoDay(v.definedOn)!, basis: v.basis };
    await api.post(`/api/screening/rounds/${roundId}/definitions`, body);
    message.success(t('screening.definedDone'));
    changed();
  });
  const decide = async (f: ScreeningFinding) => {
    try { told(await api.post<ScreeningFindingResult>(`/api/screening/findings/${f.id}/confirm`)); } catch (e) { message.error(e instanceof Error ? e.message : String(e)); }
  };
  const dismiss = async () => {
    try {
      await api.post(`/api/screening/findings/${dismissing!.id}/dismiss`, { reason });
      setDismissing(null);
      setReason('');
      changed();
    } catch (e) { message.error(e instanceof Error ? e.message : String(e)); }
  };

  const body = () => {
    if (view.error && !view.data) return <ApiFailure error={view.error} onRetry={view.reload} />;
    const v = view.data;
    if (!v || !settings.data) return <Skeleton active paragraph={{ rows: 6 }} />;
    const channels = (['self', 'masses', 'check', 'department'] as const).filter((c) => (c === 'self' ? v.can.self : c === 'department' ? v.can.department : v.can.check).allowed);
    const departments = [...new Set(Object.values(settings.data.departments).flat())];
    const hasConfirmed = v.findings.some((f) => f.status === 'confirmed');
    return (
      <Flex vertical gap={8}>
        {v.defined && <Alert type="warning" showIcon title={t('screening.definedAs', { date: dayLabel(v.defined.definedOn, lang), basis: v.defined.basis, state: t(`screening.state.${v.defined.state}`) })} />}
        {v.openCase && <Alert type="info" showIcon title={t('screening.openCase', { round: v.openCase.roundTitle, state: t(`screening.state.${v.openCase.state}`) })} />}
        <Typography.Title level={5}>{t('screening.findings')}</Typography.Title>
        {v.findings.length === 0 ? <Empty description={t('screening.noFindings')} /> : (
          <List size="small" dataSource={v.findings} data-testid="screening-findings" renderItem={(f) => (
            <List.Item data-testid={`screening-finding-${f.id}`} actions={f.status === 'proposed' ? [
              <Refused key="c" reason={reasonOf(t, f.can.decide)}><Button size="small" type="primary" disabled={!f.can.decide.allowed || v.round.status === 'closed'} onClick={() => void decide(f)} data-testid="screening-confirm">{t('screening.confirm')}</Button></Refused>,
              <Button key="d" size="small" disabled={!f.can.decide.allowed || v.round.status === 'closed'} onClick={() => setDismissing(f)}>{t('screening.dismiss')}</Button>,
            ] : []}>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Tag color={categoryColors[f.criterion.category]}>{t(`screening.category.${f.criterion.category}`)}</Tag>
                  <Typography.Text strong>{f.criterion.code} {f.criterion.title}</Typography.Text>
                  <Tag>{f.channel === 'check' && f.checkLevel ? t(`screening.checkLevel.${f.checkLevel}`) : t(`screening.channel.${f.channel}`)}{f.department ? `：${f.department}` : ''}</Tag>
                  <Tag color={f.status === 'confirmed' ? 'red' : f.status === 'proposed' ? 'gold' : 'default'}>{t(`screening.finding.status.${f.status}`)}</Tag>
                </Space>
                <Typography.Text>{f.source === 'indicator' ? `${t('screening.measured')}：${f.measured}` : `${t('screening.evidence')}：${f.evidence}`}</Typography.Text>
                <Typography.Text type="secondary">{dayLabel(f.foundOn, lang)}{f.recordedBy ? ` · ${f.recordedBy}` : ''}{f.dismissReason ? ` · ${t('screening.dismissReason')}：${f.dismissReason}` : ''}</Typography.Text>
              </Flex>
            </List.Item>
          )} />
        )}
        {v.round.status === 'open' && channels.length > 0 && (
          <>
            <Divider titlePlacement="start">{t('screening.addFinding')}</Divider>
            {record.error && <Alert type="error" showIcon title={record.error} />}
            <Form form={findingForm} layout="vertical" onFinish={record.submit} initialValues={{ channel: channels[0], foundOn: today(), criterionCode: criterion }} data-testid="screening-finding-form">
              <Form.Item name="criterionCode" label={t('screening.criterion')} rules={[{ required: true }]}>
                <Select showSearch optionFilterProp="label" data-testid="screening-finding-criterion"
                  options={settings.data.criteria.filter((c) => c.active).map((c) => ({ value: c.code, label: `${c.code} ${c.title}` }))} />
              </Form.Item>
              <Form.Item name="channel" label={t('screening.channel')} rules={[{ required: true }]}>
                <Select data-testid="screening-finding-channel" options={channels.map((c) => ({ value: c, label: t(`screening.channel.${c}`) }))} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.channel !== b.channel}>
                {({ getFieldValue }) => getFieldValue('channel') === 'department' && (
                  <Form.Item name="department" label={t('screening.department')} rules={[{ required: true }]}>
                    <Select showSearch data-testid="screening-finding-department" options={departments.map((d) => ({ value: d, label: d }))} />
                  </Form.Item>
                )}
              </Form.Item>
              <Form.Item name="evidence" label={t('screening.evidence')} rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} data-testid="screening-finding-evidence" />
              </Form.Item>
              <Form.Item name="foundOn" label={t('screening.foundOn')} rules={[{ required: true }]}>
                <DatePicker disabledDate={disabledDate(`${v.round.year}-01-01`)} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={record.busy} data-testid="screening-finding-save">{t('screening.save')}</Button>
            </Form>
          </>
        )}
        {v.round.status === 'open' && !v.defined && v.can.define.allowed && (
          <>
            <Divider titlePlacement="start">{t('screening.define')}</Divider>
            {!hasConfirmed && <Alert type="info" showIcon title={t('screening.needConfirmed')} />}
            {define.error && <Alert type="error" showIcon title={define.error} />}
            <Form form={defineForm} layout="vertical" onFinish={define.submit} disabled={!hasConfirmed || !!v.openCase} initialValues={{ definedOn: today() }} data-testid="screening-define-form">
              <Form.Item name="definedOn" label={t('screening.definedOn')} rules={[{ required: true }]}>
                <DatePicker disabledDate={disabledDate(v.round.openedOn)} />
              </Form.Item>
              <Form.Item name="basis" label={t('screening.basis')} extra={t('screening.basisHint')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={500} data-testid="screening-define-basis" />
              </Form.Item>
              <Button type="primary" danger htmlType="submit" loading={define.busy} data-testid="screening-define-save">{t('screening.define')}</Button>
            </Form>
          </>
        )}
      </Flex>
    );
  };

  return (
    <Drawer open={orgCode !== null} onClose={onClose} title={view.data?.org.name ?? orgCode} size="large" destroyOnHidden>
      {body()}
      <Modal open={dismissing !== null} title={t('screening.dismissTitle')} onCancel={() => setDismissing(null)} onOk={() => void dismiss()} okButtonProps={{ disabled: !reason.trim() }}>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('screening.dismissReason')} autoSize={{ minRows: 2 }} />
      </Modal>
    </Drawer>
  );
}
