import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Drawer, Flex, Form, Input, InputNumber, Select, Typography, type FormInstance } from 'antd';
import { useState } from 'react';
import { schemesProblems, subjects, weightSum, type Scheme } from '../../../../src/modules/assessments/rules.js';
import { api, ApiError, fieldName } from '../../api.js';
import type { AssessmentSettingsView } from '../../contracts.js';
import { useI18n, type Translate } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';

/** What the form holds while editing: numbers may still be empty. */
interface Values { schemes: Scheme[] }
/** A problem to show: where (a path like 'schemes.0.parts.1.weight') and what. */
interface Problem { path: string; message: string }
/** Problems with no field of their own (a list's sum, too few grades), by scheme index ('' for the whole list). */
type ListErrors = Record<string, string[]>;

/** The contract's limits, so the editor never offers what the server refuses. */
const MAX = { schemes: 20, parts: 10, grades: 8, minGrades: 2 } as const;

/**
 * Parts and grades are known to people by their labels; their keys only tie results to the scheme. Keys
 * are kept as they were (rounds already scored use them) and made up for new rows, so an error the server
 * names on a key is shown on the label beside it.
 */
function freshKey(prefix: string, taken: { key?: string }[] | undefined): string {
  const used = new Set((taken ?? []).map((r) => r?.key));
  let n = (taken?.length ?? 0) + 1;
  while (used.has(`${prefix}_${n}`)) n += 1;
  return `${prefix}_${n}`;
}

/** Puts each problem on its field, and returns those with no field (shown under the scheme's lists). */
function place(form: FormInstance<Values>, problems: Problem[]): ListErrors {
  const listErrors: ListErrors = {};
  const onFields = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const p of problems) {
    const name = fieldName(p.path).split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    if (name.length >= 5 && (name[2] === 'parts' || name[2] === 'grades') && name[4] === 'key') name[4] = 'label';
    const last = name.at(-1);
    if (name[0] !== 'schemes' || name.length < 3 || last === 'parts' || last === 'grades') {
      const at = typeof name[1] === 'number' ? String(name[1]) : '';
      listErrors[at] = [...(listErrors[at] ?? []), p.message];
      continue;
    }
    const id = name.join('.');
    const entry = onFields.get(id) ?? { name, errors: [] };
    entry.errors.push(p.message);
    onFields.set(id, entry);
  }
  const fields = [...onFields.values()];
  form.setFields(fields as Parameters<FormInstance<Values>['setFields']>[0]);
  // The drawer is long: bring the first marked field into view.
  if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' });
  return listErrors;
}

/** The same rules the server applies, in the user's language. */
function clientProblems(t: Translate, schemes: Scheme[]): Problem[] {
  return schemesProblems(schemes).map((p) => ({ path: p.path, message: t(p.key as MessageKey, p.params) }));
}

/** Empty numbers become 0 so the rules can name them; labels and names are trimmed as the server does. */
const tidy = (values: Values): Scheme[] => (values.schemes ?? []).map((s) => ({
  code: (s.code ?? '').trim(), name: (s.name ?? '').trim(), subject: s.subject,
  parts: (s.parts ?? []).map((p) => ({ key: p.key, label: (p.label ?? '').trim(), weight: typeof p.weight === 'number' ? p.weight : 0 })),
  grades: (s.grades ?? []).map((g) => ({ key: g.key, label: (g.label ?? '').trim(), min: typeof g.min === 'number' ? g.min : 0, low: Boolean(g.low) })),
}));

/**
 * The county administrator's editor of the county's assessment schemes: add, change and remove schemes,
 * their weighted parts (with the running sum) and their grades (minimums descending to 0, low ones
 * marked). Checked here by the server's own rules before saving; what the server still refuses is shown
 * on the field it names. Saved as a whole: the setting is one value.
 */
export function SchemesEditor({ schemes, onClose, onSaved }: { schemes: Scheme[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [listErrors, setListErrors] = useState<ListErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  const save = async () => {
    setFailure(null);
    setListErrors({});
    try {
      await form.validateFields();
    } catch {
      setFailure(t('assessments.schemes.invalid'));
      return;
    }
    const value = tidy(form.getFieldsValue(true) as Values);
    const problems = clientProblems(t, value);
    if (problems.length > 0) {
      setListErrors(place(form, problems));
      setFailure(t('assessments.schemes.invalid'));
      return;
    }
    setSaving(true);
    try {
      await api.put<AssessmentSettingsView>('/api/assessments/settings', { schemes: value });
      message.success(t('assessments.schemes.saved'));
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0) {
        setListErrors(place(form, error.fields));
        setFailure(error.message);
      } else {
        setFailure(error instanceof Error ? error.message : String(error));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open size={860} title={t('assessments.schemes.editorTitle')} onClose={onClose} destroyOnHidden data-testid="assessments-schemes-editor"
      extra={<Button type="primary" loading={saving} onClick={() => void save()} data-testid="assessments-schemes-save">{t('assessments.schemes.save')}</Button>}>
      <Form form={form} layout="vertical" initialValues={{ schemes }} component="div">
        <Alert type="info" showIcon title={t('assessments.schemes.copyNotice')} style={{ marginBottom: 12 }} data-testid="assessments-schemes-copy-notice" />
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="assessments-schemes-error" />}
        {listErrors[''] && <Alert type="error" title={listErrors[''].join('；')} style={{ marginBottom: 12 }} />}
        <Form.List name="schemes">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field, i) => (
                <SchemeCard key={field.key} form={form} name={field.name} index={i} errors={listErrors[String(i)]} canRemove={fields.length > 1} onRemove={() => remove(field.name)} />
              ))}
              <Button icon={<PlusOutlined />} disabled={fields.length >= MAX.schemes} data-testid="assessments-scheme-add" onClick={() => add({
                code: '', name: t('assessments.schemes.newName'), subject: 'secretary',
                parts: [{ key: 'part_1', label: '', weight: 100 }],
                grades: [{ key: 'grade_1', label: '', min: 60, low: false }, { key: 'grade_2', label: '', min: 0, low: true }],
              })}>{t('assessments.schemes.add')}</Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

/** One scheme: code, name and subject, its parts with the running sum of weights, its grades. */
function SchemeCard({ form, name, index, errors, canRemove, onRemove }: { form: FormInstance<Values>; name: number; index: number; errors?: string[]; canRemove: boolean; onRemove: () => void }) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('assessments.schemes.required') }];
  const parts = (Form.useWatch(['schemes', name, 'parts'], form) ?? []) as Partial<Scheme['parts'][number]>[];
  const sum = weightSum(parts.map((p) => ({ weight: typeof p?.weight === 'number' ? p.weight : 0 })));
  return (
    <Card size="small" data-testid={`assessments-scheme-${index}`}
      title={<Flex gap={8} wrap>
        <Form.Item name={[name, 'name']} rules={required} style={{ flex: '2 1 240px', marginBottom: 0 }}>
          <Input maxLength={60} placeholder={t('assessments.schemes.name')} data-testid={`assessments-scheme-name-${index}`} />
        </Form.Item>
      </Flex>}
      extra={<Button danger type="text" icon={<DeleteOutlined />} disabled={!canRemove} onClick={onRemove} data-testid={`assessments-scheme-remove-${index}`}>{t('assessments.schemes.remove')}</Button>}>
      <Flex gap={12} wrap>
        <Form.Item name={[name, 'code']} label={t('assessments.schemes.code')} extra={t('assessments.schemes.codeHint')} rules={required} style={{ flex: '1 1 220px' }}>
          <Input maxLength={40} data-testid={`assessments-scheme-code-${index}`} />
        </Form.Item>
        <Form.Item name={[name, 'subject']} label={t('assessments.schemes.subject')} rules={required} style={{ flex: '1 1 200px' }}>
          <Select options={subjects.map((s) => ({ value: s, label: t(`assessments.schemes.subject.${s}`) }))} data-testid={`assessments-scheme-subject-${index}`} />
        </Form.Item>
      </Flex>

      <Typography.Text strong>{t('assessments.schemes.parts')}</Typography.Text>
      <Form.List name={[name, 'parts']}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={4} style={{ marginTop: 4 }}>
            {fields.map((field, j) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item name={[field.name, 'key']} hidden><Input /></Form.Item>
                <Form.Item name={[field.name, 'label']} rules={required} style={{ flex: '1 1 240px', marginBottom: 4 }}>
                  <Input maxLength={40} placeholder={t('assessments.schemes.partLabel')} data-testid={`assessments-part-label-${index}-${j}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'weight']} rules={required} style={{ width: 130, marginBottom: 4 }}>
                  <InputNumber min={0.1} max={100} step={5} precision={1} suffix="%" placeholder={t('assessments.schemes.weight')} style={{ width: '100%' }} data-testid={`assessments-part-weight-${index}-${j}`} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(field.name)} aria-label={t('assessments.schemes.removePart')} data-testid={`assessments-part-remove-${index}-${j}`} />
              </Flex>
            ))}
            <Flex gap={12} align="center" wrap>
              <Button icon={<PlusOutlined />} size="small" disabled={fields.length >= MAX.parts} data-testid={`assessments-part-add-${index}`}
                onClick={() => add({ key: freshKey('part', form.getFieldValue(['schemes', name, 'parts'])), label: '', weight: undefined })}>{t('assessments.schemes.addPart')}</Button>
              <Typography.Text type={sum === 100 ? 'success' : 'danger'} data-testid={`assessments-weight-sum-${index}`}>{t('assessments.schemes.weightSum', { sum })}</Typography.Text>
            </Flex>
          </Flex>
        )}
      </Form.List>

      <div style={{ marginTop: 12 }}>
        <Typography.Text strong>{t('assessments.schemes.grades')}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{t('assessments.schemes.gradesHint')}</Typography.Text>
      </div>
      <Form.List name={[name, 'grades']}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={4} style={{ marginTop: 4 }}>
            {fields.map((field, j) => (
              <Flex key={field.key} gap={8} align="start" wrap>
                <Form.Item name={[field.name, 'key']} hidden><Input /></Form.Item>
                <Form.Item name={[field.name, 'label']} rules={required} style={{ flex: '1 1 160px', marginBottom: 4 }}>
                  <Input maxLength={20} placeholder={t('assessments.schemes.gradeLabel')} data-testid={`assessments-grade-label-${index}-${j}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'min']} rules={required} style={{ width: 130, marginBottom: 4 }}>
                  <InputNumber min={0} max={100} precision={1} prefix="≥" placeholder={t('assessments.schemes.min')} style={{ width: '100%' }} data-testid={`assessments-grade-min-${index}-${j}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'low']} valuePropName="checked" style={{ marginBottom: 4 }}>
                  <Checkbox data-testid={`assessments-grade-low-${index}-${j}`}>{t('assessments.schemes.low')}</Checkbox>
                </Form.Item>
                <Button icon={<DeleteOutlined />} disabled={fields.length <= MAX.minGrades} onClick={() => remove(field.name)} aria-label={t('assessments.schemes.removeGrade')} data-testid={`assessments-grade-remove-${index}-${j}`} />
              </Flex>
            ))}
            {/* A new grade goes above the last one (which starts at 0), where it can be given its minimum. */}
            <Button icon={<PlusOutlined />} size="small" style={{ alignSelf: 'start' }} disabled={fields.length >= MAX.grades} data-testid={`assessments-grade-add-${index}`}
              onClick={() => add({ key: freshKey('grade', form.getFieldValue(['schemes', name, 'grades'])), label: '', min: undefined, low: false }, Math.max(0, fields.length - 1))}>{t('assessments.schemes.addGrade')}</Button>
          </Flex>
        )}
      </Form.List>
      {errors && <Alert type="error" title={errors.join('；')} style={{ marginTop: 8 }} data-testid={`assessments-scheme-errors-${index}`} />}
    </Card>
  );
}
