import { Button, Flex, Input, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';

interface Props {
  /** The number as the server shows it: masked, or null when none is recorded. */
  masked: string | null;
  /** Set by the form: undefined while the number is left alone, else the new number being typed. */
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder: string;
  testId: string;
}

/**
 * A citizen ID or phone number in the edit form, replaced rather than edited. The full number is
 * never loaded into the form: seeing it is a read the server audits (the profile's 显示完整号码),
 * and correcting a record does not need it, since the editor types the right number from the ID
 * card or from the member. So the form shows the masked number, a replacement is typed whole, and
 * a number left alone is not sent at all: editing a phone number reveals nothing, and the audit
 * trail's reads of full numbers stay the reads someone asked for.
 */
export function SensitiveInput({ masked, value, onChange, placeholder, testId }: Props) {
  const { t } = useI18n();
  if (value === undefined) {
    return (
      <Flex gap={8}>
        <Input value={masked ?? ''} placeholder={t('memberEdit.notRecorded')} disabled data-testid={`${testId}-masked`} />
        <Button onClick={() => onChange?.('')} data-testid={`${testId}-replace`}>{t('memberEdit.replace')}</Button>
      </Flex>
    );
  }
  return (
    <Flex vertical gap={4}>
      <Flex gap={8}>
        <Input autoFocus autoComplete="off" value={value} placeholder={placeholder} onChange={(e) => onChange?.(e.target.value)} data-testid={testId} />
        <Button onClick={() => onChange?.(undefined)} data-testid={`${testId}-keep`}>{t('memberEdit.keep')}</Button>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('memberEdit.replaceHint')}</Typography.Text>
    </Flex>
  );
}
