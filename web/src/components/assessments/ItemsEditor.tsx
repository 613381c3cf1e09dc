import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, InputNumber, Typography, type FormInstance } from 'antd';
import { weightSum } from '../../../../src/modules/assessments/rules.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export interface ItemValues { title: string; target: string; weight: number }

/**
 * A letter's weighted target items, edited as a whole: the sum of weights is shown, and a sum other
 * than 100 is warned of but allowed (some letters add bonus items on top of a hundred).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ItemsEditor({ form }: { form: FormInstance<any> }) {
  const { t } = useI18n();
  const items = (Form.useWatch('items', form) ?? []) as Partial<ItemValues>[];
  const sum = weightSum(items.map((i) => ({ weight: typeof i?.weight === 'number' ? i.weight : 0 })));
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>{t('assessments.items.label')}</Typography.Text>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} align="start" wrap data-testid="assessments-item">
                <Form.Item name={[field.name, 'title']} rules={[{ required: true, message: t('assessments.items.titleRequired') }]} style={{ flex: '1 1 160px', marginBottom: 4 }}>
                  <Input placeholder={t('assessments.items.title')} maxLength={100} data-testid={`assessments-item-title-${i}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'target']} rules={[{ required: true, message: t('assessments.items.targetRequired') }]} style={{ flex: '3 1 260px', marginBottom: 4 }}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('assessments.items.target')} maxLength={2000} data-testid={`assessments-item-target-${i}`} />
                </Form.Item>
                <Form.Item name={[field.name, 'weight']} rules={[{ required: true, message: t('assessments.items.weightRequired') }]} style={{ width: 110, marginBottom: 4 }}>
                  <InputNumber min={0.1} max={1000} step={1} precision={1} placeholder={t('assessments.items.weight')} style={{ width: '100%' }} data-testid={`assessments-item-weight-${i}`} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(field.name)} aria-label={t('assessments.items.remove')} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ title: '', target: '', weight: undefined })} data-testid="assessments-item-add">{t('assessments.items.add')}</Button>
          </Flex>
        )}
      </Form.List>
      <Typography.Text data-testid="assessments-items-sum">{t('assessments.items.sum', { sum })}</Typography.Text>
      {sum !== 100 && <Alert type="warning" showIcon message={t('assessments.items.sumWarning', { sum })} data-testid="assessments-items-sum-warning" />}
    </Flex>
  );
}
