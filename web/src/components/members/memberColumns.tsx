import { Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { MemberItem } from '../../contracts.js';
import type { Translate } from '../../i18n/I18nProvider.js';
import type { Lang } from '../../i18n/lang.js';
import { categoryColors, categoryLabel, educationLabel, ethnicityLabel } from './labels.js';

interface Options {
  t: Translate;
  lang: Lang;
  /** Phones: the person and the organization each take one column, so that nothing scrolls away. */
  compact: boolean;
}

const link = (m: MemberItem) => <Link to={`/members/${m.personId}`} data-testid="member-link">{m.name}</Link>;

export function memberColumns({ t, lang, compact }: Options): TableColumnsType<MemberItem> {
  const category = (m: MemberItem) => <Tag color={categoryColors[m.category]}>{categoryLabel(m.category, lang)}</Tag>;
  const gender = (m: MemberItem) => (m.gender === '1' || m.gender === '2' ? t(`memberList.gender.${m.gender}`) : '');
  const age = (m: MemberItem) => (m.age === null ? '' : t('memberList.years', { age: m.age }));
  if (compact) {
    return [
      {
        key: 'person', title: t('memberList.name'),
        render: (_, m) => (
          <Flex vertical gap={2} align="start">
            <Flex gap={6} align="center" wrap>{link(m)}{category(m)}</Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[gender(m), age(m), ethnicityLabel(m.ethnicity, lang), educationLabel(m.education, m.educationLevel, lang)].filter(Boolean).join(' · ')}
            </Typography.Text>
          </Flex>
        ),
      },
      {
        key: 'org', title: t('memberList.orgName'), width: 130,
        render: (_, m) => (
          <Flex vertical gap={2}>
            <span>{m.orgName}</span>
            {m.mobile && <Tag color="purple" style={{ width: 'fit-content' }}>{t('memberList.mobile')}</Tag>}
          </Flex>
        ),
      },
    ];
  }
  return [
    { key: 'name', title: t('memberList.name'), width: 90, fixed: 'left', render: (_, m) => link(m) },
    { key: 'gender', title: t('memberList.gender'), width: 60, render: (_, m) => gender(m) },
    { key: 'age', title: t('memberList.age'), width: 70, render: (_, m) => age(m) },
    { key: 'ethnicity', title: t('memberList.ethnicity'), width: 90, render: (_, m) => ethnicityLabel(m.ethnicity, lang) },
    { key: 'education', title: t('memberList.education'), width: 110, render: (_, m) => educationLabel(m.education, m.educationLevel, lang) },
    { key: 'category', title: t('memberList.category'), width: 120, render: (_, m) => category(m) },
    { key: 'org', title: t('memberList.orgName'), dataIndex: 'orgName', width: 160 },
    { key: 'joinedOn', title: t('memberList.joinedOn'), dataIndex: 'joinedOn', width: 110 },
    { key: 'idNumber', title: t('memberList.idNumber'), dataIndex: 'idNumber', width: 180, render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '') },
    { key: 'phone', title: t('memberList.phone'), dataIndex: 'phone', width: 120 },
    { key: 'mobile', title: t('memberList.mobile'), width: 90, render: (_, m) => (m.mobile ? <Tag color="purple">{t('memberList.yes')}</Tag> : t('memberList.no')) },
  ];
}
