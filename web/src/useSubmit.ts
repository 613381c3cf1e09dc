import type { FormInstance } from 'antd';
import { useState } from 'react';
import { showServerErrors } from './forms.js';

/**
 * A form's save: busy while it runs; a refusal puts the server's field problems on the fields and
 * keeps the rest as one message to show above the form (cleared when the form closes).
 */
export function useSubmit<V>(form: FormInstance, fields: readonly string[], run: (values: V) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await run(values);
    } catch (e) {
      setError(showServerErrors(form, e, fields));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}
