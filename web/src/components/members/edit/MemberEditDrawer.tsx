import { Alert, App as AntApp, Button, Col, DatePicker, Divider, Drawer, Flex, Form, Grid, Input, Radio, Row, Select, Skeleton, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api.js';
import { disabledDate, showServerErrors } from '../../../forms.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { educationOptions, ethnicityOptions, genderOptions, occupationOptions } from '../options.js';
import { editBody, initialValues, type EditValues } from './editBody.js';
import { SensitiveInput } from './SensitiveInput.js';
import type { MemberEditResult, MemberRecord } from './types.js';

const fields: readonly (keyof EditValues)[] = [
  'name', 'gender', 'ethnicity', 'birthDate', 'idNumber', 'phone', 'education', 'occupation', 'address',
  'mobile', 'mobileDestination', 'mobileSince', 'reportingCommunity', 'outOfContact', 'retired', 'needsCare',
];

interface Props {
  open: boolean;
  /** The record to start from; undefined while it loads. */
  record: MemberRecord | undefined;
  onClose: () => void;
  onSaved: () => void;
}

/** The form drawer correcting a person's registry record; the server's field problems land on the fields. */
export function MemberEditDrawer({ open, record, onClose, onSaved }: Props) {
  const { t, lang } = useI18n();
  const { message, notification } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<EditValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mobile = Form.useWatch('mobile', form);

  const submit = async (values: EditValues) => {
    const body = editBody(record!, values);
    if (Object.keys(body).length === 0) {
      message.info(t('form.nothingChanged'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await api.patch<MemberEditResult>(`/api/members/${encodeURIComponent(record!.personId)}`, body);
      if (result.warnings.length > 0) {
        notification.warning({ title: t('memberEdit.warnings'), description: result.warnings.map((w) => w.message).join('\n'), duration: 0 });
      } else message.success(t('memberEdit.saved'));
      onSaved();
    } catch (e) {
      setError(showServerErrors(form, e, fields));
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('memberEdit.required', { field }) });
  const half = { xs: 24, md: 12 };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={record ? t('memberEdit.title', { name: record.name }) : t('memberEdit.action')}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
      afterOpenChange={(visible) => !visible && setError(null)}
      footer={(
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('memberEdit.cancel')}</Button>
          <Button type="primary" loading={busy} disabled={!record} onClick={() => form.submit()} data-testid="member-edit-save">{t('memberEdit.save')}</Button>
        </Flex>
      )}
      data-testid="member-edit-drawer"
    >
      {!record ? <Skeleton active paragraph={{ rows: 10 }} /> : (
        <Form<EditValues> form={form} layout="vertical" initialValues={initialValues(record, (iso) => dayjs(iso))} onFinish={submit} preserve={false}
          // The server's verdict on a field holds until that field changes.
          onValuesChange={(changed: Partial<EditValues>) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof EditValues, errors: [] })))}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="member-edit-error" />}
          <Typography.Paragraph type="secondary">{t('memberEdit.scopeNote')}</Typography.Paragraph>
          <Divider titlePlacement="start">{t('memberEdit.person')}</Divider>
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name="name" label={t('memberEdit.name')} rules={[required(t('memberEdit.name')), { max: 50 }]}>
                <Input maxLength={50} data-testid="member-edit-name" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="gender" label={t('memberEdit.gender')} rules={[{ required: true, message: t('memberEdit.required', { field: t('memberEdit.gender') }) }]}>
                <Radio.Group options={genderOptions(t)} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="ethnicity" label={t('memberEdit.ethnicity')} rules={[{ required: true }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={ethnicityOptions[lang]} data-testid="member-edit-ethnicity" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="birthDate" label={t('memberEdit.birthDate')}>
                <DatePicker style={{ width: '100%' }} disabledDate={disabledDate()} data-testid="member-edit-birth-date" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="idNumber" label={t('memberEdit.idNumber')}>
                <SensitiveInput masked={record.idNumber} placeholder={t('memberEdit.idPlaceholder')} testId="member-edit-id-number" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="phone" label={t('memberEdit.phone')}>
                <SensitiveInput masked={record.phone} placeholder={t('memberEdit.phonePlaceholder')} testId="member-edit-phone" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="education" label={t('memberEdit.education')}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={educationOptions[lang]} data-testid="member-edit-education" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="occupation" label={t('memberEdit.occupation')}>
                <Select allowClear options={occupationOptions[lang]} data-testid="member-edit-occupation" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="address" label={t('memberEdit.address')} rules={[{ max: 200 }]}>
                <Input allowClear maxLength={200} data-testid="member-edit-address" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('memberEdit.flags')}</Divider>
          {!record.membership ? <Typography.Paragraph type="secondary">{t('memberEdit.noMembership')}</Typography.Paragraph> : (
            <Row gutter={16}>
              <Col span={24}>
                <Form.Item name="mobile" label={t('memberEdit.mobile')} valuePropName="checked">
                  <Switch data-testid="member-edit-mobile" />
                </Form.Item>
              </Col>
              {mobile && (
                <>
                  <Col {...half}>
                    <Form.Item name="mobileDestination" label={t('memberEdit.mobileDestination')} rules={[required(t('memberEdit.mobileDestination')), { max: 100 }]}>
                      <Input maxLength={100} data-testid="member-edit-mobile-destination" />
                    </Form.Item>
                  </Col>
                  <Col {...half}>
                    <Form.Item name="mobileSince" label={t('memberEdit.mobileSince')} rules={[{ required: true, message: t('memberEdit.required', { field: t('memberEdit.mobileSince') }) }]}>
                      <DatePicker style={{ width: '100%' }} disabledDate={disabledDate()} data-testid="member-edit-mobile-since" />
                    </Form.Item>
                  </Col>
                </>
              )}
              <Col span={24}>
                <Form.Item name="reportingCommunity" label={t('memberEdit.reportingCommunity')} rules={[{ max: 100 }]}>
                  <Input allowClear maxLength={100} placeholder={t('memberEdit.reportingPlaceholder')} data-testid="member-edit-reporting" />
                </Form.Item>
              </Col>
              {(['outOfContact', 'retired', 'needsCare'] as const).map((flag) => (
                <Col key={flag} xs={8}>
                  <Form.Item name={flag} label={t(`memberEdit.${flag}`)} valuePropName="checked">
                    <Switch data-testid={`member-edit-${flag}`} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          )}
        </Form>
      )}
    </Drawer>
  );
}
