import { App, Button, Card, Empty, Flex, Form, Input, Modal, Select, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { AssessmentLetter, AssessmentLetterList, AssessmentLetterSummary, OrgSummary } from '../../contracts.js';
import { showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { OrgIndex } from '../../orgTree.js';
import { useAddress } from '../../useAddress.js';
import { useApi } from '../../useApi.js';
import { useOrgIndex } from '../../useOrgIndex.js';
import { ApiFailure } from '../ApiFailure.js';
import { OrgPicker } from '../org/OrgPicker.js';
import { dayLabel } from './format.js';
import { ItemsEditor, type ItemValues } from './ItemsEditor.js';
import { LetterDrawer } from './LetterDrawer.js';

const emptyIndex: OrgIndex = { byCode: new Map(), children: new Map(), roots: [] };
const statusColors = { draft: 'default', signed: 'blue', scored: 'green' } as const;

interface CreateValues { issuerCode: string; orgCode: string; title: string; items: ItemValues[] }

/** The letters of a year with totals and ranks (one issuer's, or all the user reads), a new letter, the chosen letter. */
export function LettersTab({ year }: { year: number }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [params, set] = useAddress();
  const issuer = params.get('issuer') ?? undefined;
  const chosen = params.get('letter');
  const list = useApi(`letters|${year}|${issuer ?? ''}|${lang}`, (signal) => api.get<AssessmentLetterList>('/api/assessments/letters', { year, issuer }, { signal }));
  const [creating, setCreating] = useState(false);
  const index = useOrgIndex(creating);
  const [form] = Form.useForm<CreateValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const issuerCode = Form.useWatch('issuerCode', form);

  if (list.error && !list.data) return <ApiFailure error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const data = list.data;

  const create = async (values: CreateValues) => {
    setBusy(true);
    setFailure(null);
    try {
      const letter = await api.post<AssessmentLetter>('/api/assessments/letters', { ...values, year });
      message.success(t('assessments.letter.created'));
      setCreating(false);
      form.resetFields();
      list.reload();
      set({ letter: letter.id });
    } catch (error) {
      setFailure(showServerErrors(form, error, ['issuerCode', 'orgCode', 'title', 'year']));
    } finally {
      setBusy(false);
    }
  };

  // Only organizations strictly below the chosen issuer can receive its letter.
  const notBelow = (o: OrgSummary) => {
    for (let up = o.parentCode; up; up = index?.byCode.get(up)?.parentCode ?? null) if (up === issuerCode) return false;
    return true;
  };

  const columns: TableColumnsType<AssessmentLetterSummary> = [
    { key: 'org', title: t('assessments.letter.org'), render: (_, l) => <Typography.Link onClick={() => set({ letter: l.id })} data-testid="assessments-letter-link">{l.org.name}</Typography.Link> },
    { key: 'issuer', title: t('assessments.letter.issuer'), render: (_, l) => l.issuer.name, responsive: ['md'] },
    { key: 'title', title: t('assessments.letter.title'), dataIndex: 'title' },
    { key: 'status', title: t('assessments.letter.status'), render: (_, l) => <Tag color={statusColors[l.status]}>{t(`assessments.letter.status.${l.status}`)}</Tag> },
    { key: 'signed', title: t('assessments.letter.signedOn'), render: (_, l) => dayLabel(l.signedOn, lang), responsive: ['md'] },
    { key: 'weights', title: t('assessments.letter.weightSum'), render: (_, l) => (l.weightSum === 100 ? l.weightSum : <Typography.Text type="warning">{l.weightSum}</Typography.Text>), responsive: ['lg'] },
    { key: 'total', title: t('assessments.letter.total'), render: (_, l) => l.total ?? '—' },
    { key: 'rank', title: t('assessments.letter.rank'), render: (_, l) => l.rank ?? '—' },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center">
        <Select allowClear style={{ minWidth: 220 }} placeholder={t('assessments.letter.allIssuers')} value={issuer} data-testid="assessments-letter-issuer"
          options={data.issuers.map((o) => ({ value: o.code, label: t('assessments.letter.issuedBy', { org: o.name }) }))} onChange={(v?: string) => set({ issuer: v, letter: undefined })} />
        <Button onClick={() => api.download(`/api/assessments/letters/export.xlsx?year=${year}${issuer ? `&issuer=${issuer}` : ''}`, `${year}.xlsx`).catch((e: Error) => message.error(e.message))}
          data-testid="assessments-letter-export">{t('assessments.letter.export')}</Button>
        <span style={{ flex: 1 }} />
        {data.issuers.length > 0 && <Button type="primary" onClick={() => setCreating(true)} data-testid="assessments-letter-new">{t('assessments.letter.new')}</Button>}
      </Flex>
      {data.items.length === 0 ? <Empty description={t('assessments.letter.none', { year })} />
        : <Table<AssessmentLetterSummary> rowKey="id" size="small" columns={columns} dataSource={data.items} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 640 }}
          onRow={() => ({ 'data-testid': 'assessments-letter-row' } as React.HTMLAttributes<HTMLElement>)} />}
      <Modal open={creating} width={760} title={t('assessments.letter.newTitle', { year })} onCancel={() => setCreating(false)} footer={null} destroyOnHidden>
        <Card size="small" variant="borderless">
          <Form form={form} layout="vertical" onFinish={create}
            initialValues={{ issuerCode: data.issuers[0]?.code, title: t('assessments.letter.defaultTitle', { year }), items: [{ title: '', target: '', weight: 100 }] }}>
            <Flex wrap gap="0 12px">
              <Form.Item name="issuerCode" label={t('assessments.letter.issuer')} rules={[{ required: true }]} style={{ flex: '1 1 200px' }}>
                <Select options={data.issuers.map((o) => ({ value: o.code, label: o.name }))} data-testid="assessments-letter-issuer-pick" />
              </Form.Item>
              <Form.Item name="orgCode" label={t('assessments.letter.org')} rules={[{ required: true, message: t('assessments.letter.pickOrg') }]} style={{ flex: '2 1 260px' }}>
                <OrgPicker index={index ?? emptyIndex} isDisabled={notBelow} id="assessments-letter-org" />
              </Form.Item>
            </Flex>
            <Form.Item name="title" label={t('assessments.letter.title')} rules={[{ required: true }]}>
              <Input maxLength={100} data-testid="assessments-letter-title" />
            </Form.Item>
            <ItemsEditor form={form} />
            {failure && <Typography.Text type="danger" data-testid="assessments-letter-error">{failure}</Typography.Text>}
            <Flex justify="end" gap={8}>
              <Button onClick={() => setCreating(false)}>{t('assessments.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="assessments-letter-create">{t('assessments.letter.create')}</Button>
            </Flex>
          </Form>
        </Card>
      </Modal>
      {chosen && <LetterDrawer key={chosen} id={chosen} onClose={() => set({ letter: undefined })} onChanged={list.reload} />}
    </Flex>
  );
}
