import { Alert, Form, Input, Modal, Typography, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../../api.js';
import { showServerErrors } from '../../../forms.js';
import { useI18n } from '../../../i18n/I18nProvider.js';

interface Props<V> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  /** Names of the form's fields, so server problems land on them. */
  fields: readonly string[];
  initialValues?: Partial<V>;
  okText: string;
  /** Whether the user may set a refused rule aside (an approver of the person's organization). */
  canOverride: boolean;
  /** Sends the form; `override` only after a refusal, when the user wrote a reason. */
  onSubmit: (values: V, override?: { reason: string }) => Promise<void>;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}

const refusedCodes = new Set(['rule_broken', 'step_impossible']);

/**
 * A form on the path to membership. A refusal names each rule broken; an approver may then write a
 * reason and send the same form again to record it anyway. An impossibility offers no such way.
 */
export function RuleModal<V extends object>(props: Props<V>) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const overridable = refusal?.code === 'rule_broken';

  const submit = async (values: V & { overrideReason?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const reason = values.overrideReason?.trim();
      await props.onSubmit(values, overridable && reason ? { reason } : undefined);
    } catch (e) {
      if (e instanceof ApiError && refusedCodes.has(e.code)) {
        setRefusal(e);
      } else {
        setRefusal(null);
        setError(showServerErrors(props.form, e, props.fields));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={overridable && props.canOverride ? t('admission.submitOverride') : props.okText}
      okButtonProps={{ loading: busy }}
      onOk={() => props.form.submit()}
      onCancel={props.onClose}
      afterClose={() => { setError(null); setRefusal(null); }}
      destroyOnHidden
      mask={{ closable: false }}
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid={`${props.testId}-error`} />}
      {/* A refusal is of the values sent: changing any but the reason clears it. */}
      <Form<V> form={props.form} layout="vertical" initialValues={props.initialValues} onFinish={submit} preserve={false} data-testid={props.testId}
        onValuesChange={(changed) => { if (refusal && !('overrideReason' in changed)) setRefusal(null); }}>
        {props.children}
        {refusal && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="admission-refusal"
            title={t(overridable ? 'admission.refused' : 'admission.impossible')}
            description={(
              <>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {(refusal.fields.length > 0 ? refusal.fields.map((f) => f.message) : [refusal.message]).map((m) => <li key={m}>{m}</li>)}
                </ul>
                {overridable && <Typography.Text type="secondary">{t(props.canOverride ? 'admission.override' : 'admission.overrideNeedsApproval')}</Typography.Text>}
              </>
            )} />
        )}
        {overridable && props.canOverride && (
          <Form.Item name="overrideReason" label={t('admission.field.overrideReason')} rules={[{ required: true, whitespace: true, min: 2, max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="admission-override-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
