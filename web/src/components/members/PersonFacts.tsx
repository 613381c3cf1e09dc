import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { MemberProfile, SensitiveValues } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { educationLabel, ethnicityLabel, occupationLabel } from './labels.js';

/**
 * The person's facts with ID and phone numbers masked. A reader whose post allows it may show the
 * full numbers; each such read is recorded by the server, so they are fetched only on request.
 */
export function PersonFacts({ profile }: { profile: MemberProfile }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { person } = profile;
  const [full, setFull] = useState<SensitiveValues | null>(null);
  const [loading, setLoading] = useState(false);
  const allowed = profile.can.readSensitive;

  const reveal = async () => {
    setLoading(true);
    try {
      setFull(await api.get<SensitiveValues>(`/api/members/${person.id}/sensitive`));
      message.info(t('memberProfile.fullShown'));
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setLoading(false);
    }
  };

  const refusal = allowed.reason === 'no_ability' ? t('memberProfile.noSensitiveAbility') : t('memberProfile.sensitiveOutOfScope');
  const button = (
    <Tooltip title={allowed.allowed ? t('memberProfile.showFullHint') : refusal}>
      <Button size="small" icon={<EyeOutlined />} disabled={!allowed.allowed || full !== null} loading={loading} onClick={reveal} data-testid="member-show-full">
        {t('memberProfile.showFull')}
      </Button>
    </Tooltip>
  );
  const unknown = <Typography.Text type="secondary">{t('memberProfile.unknown')}</Typography.Text>;
  const value = (text: string | null | undefined) => (text ? text : unknown);

  return (
    <Card size="small" title={t('memberProfile.facts')} extra={(person.idNumber || person.phone) && button}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="member-facts">
        <Descriptions.Item label={t('memberList.gender')}>{person.gender === '1' || person.gender === '2' ? t(`memberList.gender.${person.gender}`) : unknown}</Descriptions.Item>
        <Descriptions.Item label={t('memberList.ethnicity')}>{ethnicityLabel(person.ethnicity, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('memberProfile.birthDate')}>
          {person.birthDate ? t('memberProfile.birthAge', { date: person.birthDate, age: person.age ?? '' }) : unknown}
        </Descriptions.Item>
        <Descriptions.Item label={t('memberList.idNumber')}>
          <span data-testid="member-id-number">{value(full ? full.idNumber : person.idNumber)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('memberList.phone')}>
          <span data-testid="member-phone">{value(full ? full.phone : person.phone)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('memberList.education')}>{value(educationLabel(person.education, person.educationLevel, lang, true))}</Descriptions.Item>
        <Descriptions.Item label={t('memberProfile.occupation')}>{value(occupationLabel(person.occupation, lang))}</Descriptions.Item>
        <Descriptions.Item label={t('memberProfile.org')}>{person.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('memberProfile.address')}>{value(person.address)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
