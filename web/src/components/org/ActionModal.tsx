import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { showServerErrors } from '../../forms.js';

interface Props<V> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  /** Names of the form's fields, so server problems land on them. */
  fields: readonly string[];
  initialValues?: Partial<V>;
  danger?: boolean;
  okText?: string;
  warning?: ReactNode;
  onSubmit: (values: V) => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}

/** A modal form for one action on an organization: validation, server errors on fields, busy state. */
export function ActionModal<V extends object>(props: Props<V>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(values);
    } catch (e) {
      setError(showServerErrors(props.form, e, props.fields));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.danger, loading: busy }}
      onOk={() => props.form.submit()}
      onCancel={props.onClose}
      afterClose={() => setError(null)}
      // A fresh form on each opening, with the initial values of the organization it is opened for.
      destroyOnHidden
      mask={{ closable: false }}
    >
      {props.warning && <Alert type="warning" showIcon title={props.warning} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="action-error" />}
      <Form<V> form={props.form} layout="vertical" initialValues={props.initialValues} onFinish={submit} preserve={false}>
        {props.children}
      </Form>
    </Modal>
  );
}
