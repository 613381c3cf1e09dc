import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Switch, type FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MeetingValues, ResolutionValue } from './formValues.js';

interface Props {
  form: FormInstance<MeetingValues>;
  /** The counts the attendance gives: new resolutions start from them, and follow them until edited. */
  counts: { shouldAttend: number; present: number };
}

const votes = ['shouldAttend', 'present', 'yes', 'no', 'abstain'] as const;

/** 决议: each decision put to the vote, with its count and whether the meeting declared it passed. */
export function ResolutionsEditor({ form, counts }: Props) {
  const { t } = useI18n();
  const last = useRef(counts);

  useEffect(() => {
    const before = last.current;
    last.current = counts;
    const list: ResolutionValue[] = form.getFieldValue('resolutions') ?? [];
    if (list.length === 0) return;
    // A count someone typed stays; one still equal to what attendance gave follows it.
    form.setFieldValue('resolutions', list.map((r) => ({
      ...r,
      shouldAttend: r.shouldAttend === before.shouldAttend ? counts.shouldAttend : r.shouldAttend,
      present: r.present === before.present ? counts.present : r.present,
    })));
  }, [form, counts.shouldAttend, counts.present]);

  return (
    <Form.List name="resolutions">
      {(items, { add, remove }) => (
        <Flex vertical gap={8}>
          {items.map(({ key, name }) => (
            <Card key={key} size="small" data-testid="resolution"
              title={t('meetings.resolution.number', { n: name + 1 })}
              extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('meetings.resolution.remove')} onClick={() => remove(name)} />}>
              <Form.Item name={[name, 'title']} label={t('meetings.resolution.title')} rules={[{ required: true, whitespace: true, message: t('meetings.required', { field: t('meetings.resolution.title') }) }]}>
                <Input maxLength={200} data-testid="resolution-title" />
              </Form.Item>
              <Flex wrap gap={8}>
                {votes.map((field) => (
                  <Form.Item key={field} name={[name, field]} label={t(`meetings.resolution.${field}`)} style={{ marginBottom: 8 }}
                    rules={field === 'shouldAttend' || field === 'present' || field === 'yes' ? [{ required: true, message: t('meetings.required', { field: t(`meetings.resolution.${field}`) }) }] : undefined}>
                    <InputNumber min={0} max={100_000} precision={0} inputMode="numeric" style={{ width: 72 }} data-testid={`resolution-${field}`} />
                  </Form.Item>
                ))}
              </Flex>
              <Form.Item name={[name, 'passed']} label={t('meetings.resolution.passed')} valuePropName="checked" style={{ marginBottom: 0 }}>
                <Switch checkedChildren={t('meetings.resolution.yesPassed')} unCheckedChildren={t('meetings.resolution.notPassed')} data-testid="resolution-passed" />
              </Form.Item>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} type="dashed" data-testid="resolution-add"
            onClick={() => add({ title: '', ...counts, yes: counts.present, no: 0, abstain: 0, passed: false } satisfies ResolutionValue)}>
            {t('meetings.resolution.add')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
