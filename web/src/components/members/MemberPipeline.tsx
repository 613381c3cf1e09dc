import { Card, Timeline, Typography } from 'antd';
import { memberCategories } from '../../../../src/modules/members/rules/pipeline.js';
import type { MemberProfile } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/**
 * The path to membership as a timeline. Stages up to the one reached are done (a missing date is
 * said so: old records often lack the activist and target dates); later ones are shown as pending.
 */
const order = (stage: MemberProfile['pipeline'][number]['stage']) =>
  stage === 'extension' ? memberCategories.indexOf('probationary') + 0.5 : memberCategories.indexOf(stage);

export function MemberPipeline({ profile }: { profile: MemberProfile }) {
  const { t } = useI18n();
  const reached = profile.membership?.category ?? profile.history.at(-1)?.category;
  const reachedIndex = reached ? memberCategories.indexOf(reached) : -1;

  // Probation is extended before it ends, so the extension sits between admission and full membership.
  const steps = [...profile.pipeline].sort((a, b) => order(a.stage) - order(b.stage));
  const items = steps.map((step) => {
    if (step.stage === 'extension') {
      return { key: step.stage, color: 'orange', title: t('memberProfile.stage.extension', { months: step.months ?? '' }) };
    }
    const done = memberCategories.indexOf(step.stage) <= reachedIndex;
    return {
      key: step.stage,
      color: done ? 'red' : 'gray',
      title: <Typography.Text type={done ? undefined : 'secondary'}>{t(`memberProfile.stage.${step.stage}`)}</Typography.Text>,
      content: (
        <Typography.Text type="secondary" data-testid={`pipeline-${step.stage}`}>
          {step.date ?? t(done ? 'memberProfile.stageDateMissing' : 'memberProfile.stagePending')}
        </Typography.Text>
      ),
    };
  });

  return (
    <Card size="small" title={t('memberProfile.pipeline')}>
      {items.length === 0
        ? <Typography.Text type="secondary">{t('memberProfile.noPipeline')}</Typography.Text>
        : <div data-testid="member-pipeline"><Timeline items={items} /></div>}
    </Card>
  );
}
