import { Button, Card, Checkbox, DatePicker, Empty, Flex, Form, Input, List, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { DiaryDetailDrawer } from '../components/diaries/DiaryDetailDrawer.js';
import { DiaryFormDrawer } from '../components/diaries/DiaryFormDrawer.js';
import { Snippet } from '../components/diaries/Snippet.js';
import { isVillage } from '../components/diaries/villages.js';
import { OrgPicker } from '../components/org/OrgPicker.js';
import type { DiaryDetail, DiaryPage } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { OrgIndex } from '../orgTree.js';
import { useAddress } from '../useAddress.js';
import { useApi } from '../useApi.js';
import { useOrgIndex } from '../useOrgIndex.js';

const emptyIndex: OrgIndex = { byCode: new Map(), children: new Map(), roots: [] };
const noneDisabled = () => false;
const day = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 民情日记: cadres' diaries of their villages, found by any two characters with the match marked,
 * filtered by village, author and dates (all kept in the address); written and read on a phone.
 */
export default function DiariesPage() {
  const { t } = useI18n();
  const [params, set] = useAddress();
  const index = useOrgIndex() ?? emptyIndex;
  const q = params.get('q') ?? '';
  const org = params.get('org') ?? '';
  const mine = params.get('mine') === '1';
  const from = day.test(params.get('from') ?? '') ? params.get('from')! : '';
  const to = day.test(params.get('to') ?? '') ? params.get('to')! : '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [typed, setTyped] = useState(q);
  const [writing, setWriting] = useState<{ diary?: DiaryDetail } | null>(null);
  const [version, setVersion] = useState(0);
  const query = { q, org, mine: mine ? 'true' : undefined, from, to, page };
  const found = useApi(`${JSON.stringify(query)}|${version}`, (signal) => api.get<DiaryPage>('/api/diaries', query, { signal }));
  const open = params.get('diary');
  const picked = index.byCode.get(org);
  const village = picked && isVillage(picked) ? org : undefined;
  const can = found.data?.can.write;
  const write = can && !can.allowed
    ? <Tooltip title={t(`diaries.reason.${can.reason ?? 'no_ability'}` as 'diaries.reason.no_ability')}><Button type="primary" disabled>{t('diaries.write')}</Button></Tooltip>
    : <Button type="primary" onClick={() => setWriting({})} data-testid="diary-write">{t('diaries.write')}</Button>;

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="diaries-title">{t('diaries.title')}</Typography.Title>
        {write}
      </Flex>
      <Card size="small">
        <Form layout="vertical" component="div">
          <Input.Search value={typed} onChange={(e) => setTyped(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined, page: undefined })} allowClear enterButton
            placeholder={t('diaries.searchPlaceholder')} data-testid="diaries-search" style={{ marginBottom: 8 }} />
          <Flex wrap gap="0 12px" align="end">
            <Form.Item label={t('diaries.field.village')} style={{ flex: '2 1 220px', marginBottom: 8 }}>
              <OrgPicker index={index} isDisabled={noneDisabled} value={org || undefined} onChange={(code) => set({ org: code, page: undefined })} id="diaries-org" />
            </Form.Item>
            <Form.Item label={t('diaries.dates')} style={{ flex: '2 1 240px', marginBottom: 8 }}>
              <DatePicker.RangePicker style={{ width: '100%' }} inputReadOnly value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
                onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD'), page: undefined })} />
            </Form.Item>
            <Form.Item style={{ flex: '1 1 120px', marginBottom: 8 }}>
              <Checkbox checked={mine} onChange={(e) => set({ mine: e.target.checked ? '1' : undefined, page: undefined })} data-testid="diaries-mine">{t('diaries.mine')}</Checkbox>
            </Form.Item>
            {(q || org || mine || from || to) && (
              <Button type="link" style={{ marginBottom: 8 }} onClick={() => { setTyped(''); set({ q: undefined, org: undefined, mine: undefined, from: undefined, to: undefined, page: undefined }); }}>
                {t('diaries.clear')}
              </Button>
            )}
          </Flex>
        </Form>
      </Card>
      {found.error ? <ApiFailure error={found.error} onRetry={found.reload} /> : (
        <List loading={found.loading} dataSource={found.data?.items ?? []} data-testid="diaries-results"
          locale={{ emptyText: <Empty description={t(q ? 'diaries.noMatch' : 'diaries.empty')} /> }}
          renderItem={(d) => (
            <List.Item key={d.id} style={{ cursor: 'pointer', display: 'block' }} onClick={() => set({ diary: d.id })} data-testid="diary-item">
              <Space wrap size={[8, 4]} style={{ marginBottom: 4 }}>
                <Typography.Text strong>{d.writtenOn}</Typography.Text>
                <Tag>{d.org.name}</Tag>
                <Typography.Text type="secondary">{d.author.name}</Typography.Text>
                {d.household && <Typography.Text type="secondary">{t('diaries.householdOf', { name: d.household.headName })}</Typography.Text>}
              </Space>
              {d.snippets.map((s) => (
                <div key={s.field} data-testid="diary-snippet">
                  <Typography.Text type="secondary">{t(`diaries.field.${s.field}`)}：</Typography.Text>
                  <Snippet segments={s.segments} />
                </div>
              ))}
            </List.Item>
          )} />
      )}
      {(page > 1 || found.data?.hasMore) && (
        <Flex justify="center" gap={8}>
          <Button disabled={page <= 1} onClick={() => set({ page: page > 2 ? String(page - 1) : undefined })}>{t('diaries.previous')}</Button>
          <Typography.Text style={{ alignSelf: 'center' }}>{t('diaries.page', { page })}</Typography.Text>
          <Button disabled={!found.data?.hasMore} onClick={() => set({ page: String(page + 1) })}>{t('diaries.next')}</Button>
        </Flex>
      )}
      <DiaryDetailDrawer id={open} version={version} onClose={() => set({ diary: undefined })} onEdit={(diary) => setWriting({ diary })} />
      <DiaryFormDrawer open={writing !== null} index={index} diary={writing?.diary} orgCode={village}
        onClose={() => setWriting(null)} onSaved={(saved) => { setWriting(null); setVersion((v) => v + 1); set({ diary: saved.id }); }} />
    </Flex>
  );
}
