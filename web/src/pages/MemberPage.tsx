import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../api.js';
import { ApiFailure } from '../components/ApiFailure.js';
import { AdmissionPath } from '../components/members/admission/AdmissionPath.js';
import { categoryColors, categoryLabel } from '../components/members/labels.js';
import { MemberEditAction } from '../components/members/edit/MemberEditAction.js';
import { MemberPipeline } from '../components/members/MemberPipeline.js';
import { MembershipCard } from '../components/members/MembershipCard.js';
import { MembershipHistory } from '../components/members/MembershipHistory.js';
import { PersonFacts } from '../components/members/PersonFacts.js';
import { MemberTransfers } from '../components/members/transfers/MemberTransfers.js';
import { ParticipationCard } from '../components/participation/ParticipationCard.js';
import type { MemberProfile } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useApi } from '../useApi.js';

/** 党员档案: one person's facts (masked), membership and flags, the path to membership, and the history. */
export default function MemberPage() {
  const { t, lang } = useI18n();
  const { id } = useParams();
  const navigate = useNavigate();
  const profile = useApi(id ?? null, (signal) => api.get<MemberProfile>(`/api/members/${encodeURIComponent(id!)}`, undefined, { signal }));

  if (profile.error && !profile.data) return <ApiFailure error={profile.error} onRetry={profile.reload} />;
  if (!profile.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const p = profile.data;

  return (
    <Flex vertical gap={12}>
      <Flex wrap align="center" gap={8}>
        {/* Back in history keeps the list's filters and page. */}
        <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('memberProfile.back')} title={t('memberProfile.back')}
          onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/members'))} />
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="member-name">{p.person.name}</Typography.Title>
        {p.membership && <Tag color={categoryColors[p.membership.category]}>{categoryLabel(p.membership.category, lang)}</Tag>}
        <Typography.Text type="secondary">{p.person.orgName}</Typography.Text>
        <MemberEditAction personId={p.person.id} onSaved={profile.reload} />
      </Flex>
      {/* Keyed by person: full numbers shown for one must not linger on the next. */}
      <PersonFacts key={p.person.id} profile={p} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}><MembershipCard membership={p.membership} /></Col>
        <Col xs={24} lg={14}><MemberPipeline profile={p} /></Col>
      </Row>
      {(p.membership?.category === 'full' || p.membership?.category === 'probationary') && <ParticipationCard personId={p.person.id} />}
      <AdmissionPath key={p.person.id} personId={p.person.id} onChanged={profile.reload} />
      <MembershipHistory history={p.history} />
      <MemberTransfers profile={p} onChanged={profile.reload} />
    </Flex>
  );
}
