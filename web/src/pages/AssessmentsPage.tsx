import { Card, DatePicker, Flex, Form, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { LettersTab } from '../components/assessments/LettersTab.js';
import { RoundsTab } from '../components/assessments/RoundsTab.js';
import { chinaToday } from '../format.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useAddress } from '../useAddress.js';

/**
 * 考核评定 and 责任书: the rounds of a year (three-way evaluation of village organizations, secretaries'
 * debriefs) with their results, and the responsibility letters of the year. The year, the tab and the
 * open round or letter live in the address, so a to-do item links straight to them.
 */
export default function AssessmentsPage() {
  const { t } = useI18n();
  const [params, set] = useAddress();
  const thisYear = Number(chinaToday().slice(0, 4));
  const year = /^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : thisYear;
  const tab = params.get('tab') === 'letters' ? 'letters' : 'rounds';
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="assessments-title">{t('assessments.title')}</Typography.Title>
      <Card size="small">
        <Form layout="inline" component="div">
          <Form.Item label={t('assessments.year')} style={{ marginBottom: 0 }}>
            <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} data-testid="assessments-year"
              onChange={(d) => d && set({ year: String(d.year()), round: undefined, letter: undefined })} />
          </Form.Item>
        </Form>
      </Card>
      <Tabs destroyOnHidden activeKey={tab} onChange={(key) => set({ tab: key === 'rounds' ? undefined : key })} items={[
        { key: 'rounds', label: <span data-testid="assessments-tab-rounds">{t('assessments.tab.rounds')}</span>, children: <RoundsTab year={year} /> },
        { key: 'letters', label: <span data-testid="assessments-tab-letters">{t('assessments.tab.letters')}</span>, children: <LettersTab year={year} /> },
      ]} />
    </Flex>
  );
}
