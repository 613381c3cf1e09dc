import { Alert, Button, Descriptions, Drawer, Flex, Grid, Typography } from 'antd';
import { api } from '../../api.js';
import type { DiaryDetail } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { ApiFailure } from '../ApiFailure.js';
import { PageLoading } from '../PageLoading.js';
import { householdLabel } from './HouseholdSelect.js';
import { Refused } from '../Refused.js';

const texts = ['situation', 'problems', 'demands', 'plan', 'result'] as const;

interface Props {
  id: string | null;
  /** Bumped after an edit so the drawer shows the diary as saved. */
  version: number;
  onClose: () => void;
  onEdit: (diary: DiaryDetail) => void;
}

/** A diary as written, with the visit and household it is about; its author may correct it. */
export function DiaryDetailDrawer({ id, version, onClose, onEdit }: Props) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const loaded = useApi(id ? `${id}|${version}` : null, (signal) => api.get<DiaryDetail>(`/api/diaries/${encodeURIComponent(id!)}`, undefined, { signal }));
  const diary = loaded.data?.id === id ? loaded.data : undefined;
  const edit = diary && (diary.can.edit.allowed
    ? <Button onClick={() => onEdit(diary)} data-testid="diary-edit">{t('diaries.edit')}</Button>
    : <Refused reason={t(`diaries.reason.${diary.can.edit.reason ?? 'no_ability'}`)}><Button disabled>{t('diaries.edit')}</Button></Refused>);
  return (
    <Drawer open={id !== null} onClose={onClose} size={screens.md ? 640 : '100%'} title={diary ? `${diary.writtenOn} · ${diary.org.name}` : t('diaries.title')}
      extra={edit} data-testid="diary-detail">
      {loaded.error ? <ApiFailure error={loaded.error} onRetry={loaded.reload} /> : !diary ? <PageLoading /> : (
        <Flex vertical gap={12}>
          <Descriptions size="small" column={1} bordered items={[
            { key: 'author', label: t('diaries.field.author'), children: diary.author.name },
            { key: 'household', label: t('diaries.field.household'), children: diary.household ? `${householdLabel(diary.household)}${diary.household.address ? `（${diary.household.address}）` : ''}` : '—' },
            { key: 'visit', label: t('diaries.field.visit'), children: diary.visit ? `${diary.visit.visitedOn} · ${diary.visit.purpose}` : '—' },
          ]} />
          {diary.visit?.problemsFound && <Alert type="info" title={t('diaries.visitProblems', { text: diary.visit.problemsFound })} />}
          {texts.map((f) => diary[f] && (
            <div key={f}>
              <Typography.Text strong>{t(`diaries.field.${f}`)}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid={`diary-detail-${f}`}>{diary[f]}</Typography.Paragraph>
            </div>
          ))}
        </Flex>
      )}
    </Drawer>
  );
}
