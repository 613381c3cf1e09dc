import { Alert, Col, DatePicker, Divider, Form, Input, Row, Segmented, Select, Skeleton, TimePicker, Typography, type FormInstance } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api.js';
import type { LecturerSuggestion, MeetingDetail, Roster } from '../../contracts.js';
import { disabledDate, isoDay, today } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useUser } from '../../session.js';
import { useApi } from '../../useApi.js';
import { OrgPicker } from '../org/OrgPicker.js';
import { AttendeePicker, excusedNeedReason } from './AttendeePicker.js';
import { preselected, valuesOf, voteCounts, type AttendeeValue, type MeetingValues } from './formValues.js';
import { defaultKind, isVoting, kindOptions, lecturedKinds } from './labels.js';
import { ResolutionsEditor } from './ResolutionsEditor.js';
import { clearChanged } from './serverErrors.js';
import { useManagedOrgs } from '../org/useManagedOrgs.js';

interface Props {
  form: FormInstance<MeetingValues>;
  meeting?: MeetingDetail;
  onFinish: (values: MeetingValues) => Promise<void>;
}

const noAttendees: AttendeeValue[] = [];

/**
 * The meeting form, quick on a phone: organization, kind, date and attendance start filled in (the
 * user's organization, its usual kind, today, everyone expected present), so a held committee
 * meeting needs a topic and a tap per absentee. The roster is the organization's on the meeting's day.
 */
export function MeetingForm({ form, meeting, onFinish }: Props) {
  const { t, lang } = useI18n();
  const user = useUser();
  const managed = useManagedOrgs(!meeting, 'meeting.manage');
  const orgCode = Form.useWatch('orgCode', form) ?? meeting?.org.code ?? managed.only;
  const kind = Form.useWatch('kind', form) ?? meeting?.kind;
  const status = Form.useWatch('status', form) ?? (meeting?.status === 'planned' ? 'planned' : 'held');
  const heldOn = Form.useWatch('heldOn', form);
  const plannedOn = Form.useWatch('plannedOn', form);
  const attendees = Form.useWatch('attendees', form) ?? noAttendees;
  const day = isoDay(status === 'held' ? heldOn : plannedOn) ?? meeting?.heldOn ?? meeting?.plannedOn ?? isoDay(today())!;

  const roster = useApi(orgCode ? `${orgCode}|${day}` : null, (signal) =>
    api.get<Roster>('/api/meetings/roster', { org: orgCode, on: day }, { signal }).then((body) => ({ org: orgCode, items: body.items })));
  const suggestion = useApi(!meeting && kind === 'friday_study' && orgCode ? orgCode : null, (signal) =>
    api.get<LecturerSuggestion>('/api/meetings/lecturer-suggestion', { org: orgCode }, { signal }));

  // The form starts once, an edit from the record and the roster (who votes): later loads must not reset what was typed.
  const [initial, setInitial] = useState<MeetingValues | undefined>(() => (meeting ? undefined : {
    orgCode: managed.only, kind: 'committee_meeting', status: 'held', heldOn: today(), plannedOn: today(), attendees: [], resolutions: [],
  }));
  useEffect(() => {
    if (meeting && !initial && roster.data) setInitial(valuesOf(meeting, roster.data.items));
  }, [meeting, initial, roster.data]);

  // A new record takes its organization's usual kind until the user picks one.
  const orgType = orgCode ? managed.index?.byCode.get(orgCode)?.type : undefined;
  useEffect(() => {
    if (!meeting && orgType && !form.isFieldTouched('kind')) form.setFieldValue('kind', defaultKind(orgType));
  }, [form, meeting, orgType]);

  // A new or planned record expects the roster's people (a held one keeps the attendance it has);
  // another organization, or an untouched list, starts again.
  const seededFor = useRef<string | undefined>(undefined);
  const blank = !meeting || meeting.status === 'planned';
  useEffect(() => {
    const data = roster.data;
    if (!initial || !blank || !data || !kind || data.org !== orgCode) return;
    const otherOrg = seededFor.current !== orgCode;
    if (!otherOrg && form.isFieldTouched('attendees')) return;
    form.setFields([{ name: 'attendees', value: preselected(data.items, kind), touched: false, errors: [] }]);
    // The user usually hosts what they record; their name picks them when it is unique on the roster.
    const self = data.items.filter((p) => p.name === user.name);
    if (!meeting && otherOrg) form.setFieldValue('hostId', self.length === 1 ? self[0]!.id : undefined);
    seededFor.current = orgCode;
  }, [form, initial, blank, meeting, roster.data, orgCode, kind, user.name]);

  useEffect(() => {
    const person = suggestion.data?.person;
    if (person && !form.getFieldValue('lecturerId') && !form.getFieldValue('lecturerName')) form.setFieldValue('lecturerId', person.id);
  }, [form, suggestion.data]);

  // Until the roster of the organization chosen arrives, nobody is offered.
  const rosterItems = useMemo(() => (roster.data && roster.data.org === orgCode ? roster.data.items : []), [roster.data, orgCode]);
  const people = useMemo(() => {
    const items = rosterItems;
    const extra = suggestion.data?.person && !items.some((p) => p.id === suggestion.data?.person?.id) ? [suggestion.data.person] : [];
    return [...items, ...extra].map((p) => ({ value: p.id, label: 'post' in p && p.post ? `${p.name}（${p.post}）` : p.name }));
  }, [rosterItems, suggestion.data]);

  if (roster.error && !roster.data) return <Alert type="error" showIcon title={roster.error instanceof Error ? roster.error.message : String(roster.error)} />;
  if (!initial) return <Skeleton active paragraph={{ rows: 10 }} />;

  const held = status === 'held';
  const required = (field: string) => ({ required: true, message: t('meetings.required', { field }) });
  const personSelect = (testId: string) => (
    <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={people} loading={roster.loading} data-testid={testId} />
  );

  return (
    <Form<MeetingValues> form={form} layout="vertical" initialValues={initial} onFinish={onFinish} clearOnDestroy scrollToFirstError={{ block: 'center' }}
      data-testid="meeting-form"
      // The server's verdict on a field holds until that field changes.
      onValuesChange={(changed: Partial<MeetingValues>) => clearChanged(form, changed)}>
      {meeting ? (
        <Form.Item label={t('meetings.field.org')}><Typography.Text strong>{meeting.org.name}</Typography.Text></Form.Item>
      ) : (
        <Form.Item name="orgCode" label={t('meetings.field.org')} rules={[required(t('meetings.field.org'))]}>
          {managed.index ? <OrgPicker index={managed.index} isDisabled={managed.isDisabled} /> : <Select loading />}
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col xs={14} md={12}>
          <Form.Item name="kind" label={t('meetings.field.kind')} rules={[required(t('meetings.field.kind'))]}>
            <Select options={kindOptions(lang)} data-testid="meeting-kind" />
          </Form.Item>
        </Col>
        <Col xs={10} md={12}>
          <Form.Item name="status" label={t('meetings.field.status')}>
            <Segmented block options={(['held', 'planned'] as const).map((s) => ({ value: s, label: t(`meetings.status.${s}`) }))} data-testid="meeting-status" />
          </Form.Item>
        </Col>
        <Col xs={14} md={12}>
          <Form.Item name="heldOn" label={t('meetings.field.heldOn')} hidden={!held} rules={held ? [required(t('meetings.field.heldOn'))] : []}>
            <DatePicker inputReadOnly allowClear={false} disabledDate={disabledDate()} style={{ width: '100%' }} data-testid="meeting-held-on" />
          </Form.Item>
          <Form.Item name="plannedOn" label={t('meetings.field.plannedOn')} hidden={held} rules={held ? [] : [required(t('meetings.field.plannedOn'))]}>
            <DatePicker inputReadOnly allowClear={false} style={{ width: '100%' }} data-testid="meeting-planned-on" />
          </Form.Item>
        </Col>
        <Col xs={10} md={12}>
          <Form.Item name="startsAt" label={t('meetings.field.startsAt')}>
            <TimePicker inputReadOnly format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} data-testid="meeting-starts-at" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="topic" label={t('meetings.field.topic')} rules={[{ ...required(t('meetings.field.topic')), whitespace: true }, { max: 200 }]}>
        <Input maxLength={200} placeholder={t('meetings.form.topicPlaceholder')} data-testid="meeting-topic" />
      </Form.Item>
      <Form.Item name="place" label={t('meetings.field.place')} rules={[{ max: 200 }]}>
        <Input maxLength={200} placeholder={t('meetings.form.placePlaceholder')} data-testid="meeting-place" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="hostId" label={t('meetings.field.host')}>{personSelect('meeting-host')}</Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="recorderId" label={t('meetings.field.recorder')}>{personSelect('meeting-recorder')}</Form.Item>
        </Col>
      </Row>
      {kind && lecturedKinds.has(kind) && (
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="lecturerId" label={t('meetings.field.lecturer')}
              extra={suggestion.data?.person ? t('meetings.form.lecturerSuggested', { name: suggestion.data.person.name }) : undefined}>
              {personSelect('meeting-lecturer')}
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="lecturerName" label={t('meetings.field.lecturerName')} rules={[{ max: 50 }]}>
              <Input maxLength={50} placeholder={t('meetings.form.lecturerNamePlaceholder')} data-testid="meeting-lecturer-name" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item name="agenda" label={t('meetings.field.agenda')} rules={[{ max: 4000 }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={4000} data-testid="meeting-agenda" />
      </Form.Item>
      <div hidden={!held}>
        <Divider titlePlacement="start">{t('meetings.field.attendees')}</Divider>
        <Form.Item name="attendees" rules={held ? [excusedNeedReason((name) => t('meetings.attendee.reasonRequired', { name }))] : []}>
          <AttendeePicker roster={rosterItems} voting={isVoting(kind)} />
        </Form.Item>
        {/* Unmounted when not taken, so that a half-typed resolution does not hold up a planned record. */}
        {held && isVoting(kind) && (
          <>
            <Divider titlePlacement="start">{t('meetings.field.resolutions')}</Divider>
            <ResolutionsEditor form={form} counts={voteCounts(attendees)} />
          </>
        )}
        <Divider titlePlacement="start">{t('meetings.field.minutes')}</Divider>
        <Form.Item name="minutes" rules={[{ max: 20_000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={20_000} placeholder={t('meetings.form.minutesPlaceholder')} data-testid="meeting-minutes" />
        </Form.Item>
      </div>
    </Form>
  );
}
