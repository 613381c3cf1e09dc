import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Radio, Select, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useLayoutEffect, useState } from 'react';
import { api } from '../../api.js';
import type { Commitment, CommitmentList } from '../../contracts.js';
import { isoDay, showServerErrors } from '../../forms.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface ItemValues { title: string; target: string; targetValue?: number | null; unit?: string | null; dueOn: Dayjs }
interface Values {
  maker: 'branch' | 'secretary' | 'member';
  personId?: string;
  level: string;
  title: string;
  target: string;
  targetValue?: number | null;
  unit?: string | null;
  dueOn: Dayjs;
  public: boolean;
  items: ItemValues[];
}

const fields = ['maker', 'personId', 'level', 'title', 'target', 'targetValue', 'unit', 'dueOn', 'public', 'orgCode', 'year'];
const itemOut = (i: ItemValues) => ({ title: i.title, target: i.target, targetValue: i.targetValue ?? null, unit: i.unit?.trim() || null, dueOn: isoDay(i.dueOn)! });

/** Making a commitment with its items, or editing a draft. */
export function CommitmentDrawer({ open, list, editing, onClose, onSaved }: {
  open: boolean; list: CommitmentList; editing: Commitment | null; onClose: () => void; onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const maker = Form.useWatch('maker', form);

  useLayoutEffect(() => {
    if (!open) return;
    setFailure(null);
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        maker: editing.maker, personId: editing.person?.id, level: editing.level, title: editing.title, target: editing.target,
        targetValue: editing.targetValue, unit: editing.unit, dueOn: dayjs(editing.dueOn), public: editing.public,
        items: editing.items.map((i) => ({ title: i.title, target: i.target, targetValue: i.targetValue, unit: i.unit, dueOn: dayjs(i.dueOn) })),
      });
    } else {
      form.setFieldsValue({ maker: 'secretary', personId: list.makers.secretaries[0]?.id, level: list.levels[0]?.key, public: true, items: [], dueOn: dayjs(`${list.year}-12-31`) });
    }
  }, [open, editing, list, form]);

  const save = async (v: Values) => {
    setSaving(true);
    setFailure(null);
    const content = {
      level: v.level, title: v.title, target: v.target, targetValue: v.targetValue ?? null, unit: v.unit?.trim() || null, dueOn: isoDay(v.dueOn)!,
      public: v.public, items: (v.items ?? []).map(itemOut),
    };
    try {
      if (editing) await api.put<Commitment>(`/api/commitments/${editing.id}`, content);
      else await api.post<Commitment>('/api/commitments', { ...content, orgCode: list.org.code, year: list.year, maker: v.maker, personId: v.maker === 'branch' ? null : v.personId });
      message.success(t('commitments.saved'));
      onSaved();
    } catch (error) {
      setFailure(showServerErrors(form, error, fields));
    } finally {
      setSaving(false);
    }
  };

  const people = maker === 'member' ? list.makers.members : list.makers.secretaries;
  return (
    <Drawer open={open} onClose={onClose} size={720} destroyOnHidden title={editing ? t('commitments.edit') : t('commitments.make')}
      extra={<Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="commitment-save">{t('commitments.saveDraft')}</Button>}>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="commitment-failure" />}
      <Form form={form} layout="vertical" onFinish={save} data-testid="commitment-form">
        <Form.Item name="maker" label={t('commitments.maker')} rules={[{ required: true }]}>
          <Radio.Group disabled={!!editing} optionType="button" options={(['branch', 'secretary', 'member'] as const).map((m) => ({ value: m, label: t(`commitments.maker.${m}`) }))} />
        </Form.Item>
        {maker !== 'branch' && (
          <Form.Item name="personId" label={t('commitments.person')} rules={[{ required: true, message: t('commitments.personRequired') }]}>
            <Select disabled={!!editing} showSearch optionFilterProp="label" options={people.map((p) => ({ value: p.id, label: p.name }))} data-testid="commitment-person" />
          </Form.Item>
        )}
        <Form.Item name="level" label={t('commitments.level')} rules={[{ required: true }]}>
          <Select options={list.levels.map((l) => ({ value: l.key, label: l.label }))} data-testid="commitment-level" />
        </Form.Item>
        <Form.Item name="title" label={t('commitments.titleField')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="commitment-title" />
        </Form.Item>
        <Form.Item name="target" label={t('commitments.target')} extra={t('commitments.targetHint')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize maxLength={500} data-testid="commitment-target" />
        </Form.Item>
        <Flex wrap gap="0 12px">
          <Form.Item name="targetValue" label={t('commitments.targetValue')} style={{ flex: '1 1 140px' }}>
            <InputNumber min={0} style={{ width: '100%' }} data-testid="commitment-target-value" />
          </Form.Item>
          <Form.Item name="unit" label={t('commitments.unit')} style={{ flex: '1 1 100px' }}>
            <Input maxLength={20} data-testid="commitment-unit" />
          </Form.Item>
          <Form.Item name="dueOn" label={t('commitments.dueOn')} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
            <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="commitment-due" />
          </Form.Item>
        </Flex>
        <Form.Item name="public" label={t('commitments.public')} valuePropName="checked" extra={t('commitments.publicHint')}>
          <Switch data-testid="commitment-public" />
        </Form.Item>
        <Form.List name="items">
          {(rows, { add, remove }) => (
            <Flex vertical gap={8}>
              {rows.map((row, index) => (
                <Space.Compact key={row.key} block style={{ flexWrap: 'wrap' }} data-testid="commitment-item">
                  <Form.Item name={[row.name, 'title']} rules={[{ required: true, whitespace: true, message: t('commitments.itemTitleRequired') }]} style={{ flex: '2 1 160px', marginBottom: 4 }}>
                    <Input placeholder={t('commitments.itemTitle', { n: index + 1 })} data-testid="commitment-item-title" />
                  </Form.Item>
                  <Form.Item name={[row.name, 'target']} rules={[{ required: true, whitespace: true, message: t('commitments.itemTargetRequired') }]} style={{ flex: '3 1 200px', marginBottom: 4 }}>
                    <Input placeholder={t('commitments.target')} data-testid="commitment-item-target" />
                  </Form.Item>
                  <Form.Item name={[row.name, 'targetValue']} style={{ flex: '1 1 90px', marginBottom: 4 }}>
                    <InputNumber min={0} placeholder={t('commitments.targetValue')} style={{ width: '100%' }} data-testid="commitment-item-value" />
                  </Form.Item>
                  <Form.Item name={[row.name, 'unit']} style={{ flex: '1 1 70px', marginBottom: 4 }}>
                    <Input placeholder={t('commitments.unit')} data-testid="commitment-item-unit" />
                  </Form.Item>
                  <Form.Item name={[row.name, 'dueOn']} rules={[{ required: true, message: t('commitments.itemDueRequired') }]} style={{ flex: '1 1 140px', marginBottom: 4 }}>
                    <DatePicker placeholder={t('commitments.dueOn')} style={{ width: '100%' }} data-testid="commitment-item-due" />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('commitments.removeItem')} onClick={() => remove(row.name)} />
                </Space.Compact>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ dueOn: form.getFieldValue('dueOn') })} data-testid="commitment-add-item">{t('commitments.addItem')}</Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
