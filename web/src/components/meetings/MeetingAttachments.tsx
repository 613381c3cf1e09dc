import { DeleteOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Image, Popconfirm, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { AttachmentView, MeetingDetail } from '../../contracts.js';
import { chinaDateTime } from '../../format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { readBase64 } from '../../readFile.js';
import { GatedButton } from '../members/transfers/GatedButton.js';

/** The server's limit; checked here first so that a phone does not send 30 MB to hear no. */
const MAX_BYTES = 10 * 1024 * 1024;

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * 附件: photos and scans kept with the record. Images show as thumbnails (tap to enlarge), PDFs open in
 * a new tab; the phone's camera is offered by the file picker. The server decides the type from the
 * bytes and refuses the rest; its message, naming the file, is shown here.
 */
export function MeetingAttachments({ meeting: m, refusal, onChanged }: { meeting: MeetingDetail; refusal: string | null; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [errors, setErrors] = useState<string[]>([]);
  const [uploading, setUploading] = useState(0);
  const url = (a: AttachmentView) => `/api/meetings/${encodeURIComponent(m.id)}/attachments/${encodeURIComponent(a.id)}`;

  const upload = async (file: File) => {
    if (file.size > MAX_BYTES) {
      setErrors((e) => [...e, t('attachments.tooBig', { name: file.name })]);
      return;
    }
    setUploading((n) => n + 1);
    try {
      await api.post(`/api/meetings/${encodeURIComponent(m.id)}/attachments`, { fileName: file.name, content: await readBase64(file) });
      message.success(t('attachments.uploaded', { name: file.name }));
      onChanged();
    } catch (error) {
      setErrors((e) => [...e, error instanceof Error ? error.message : String(error)]);
    } finally {
      setUploading((n) => n - 1);
    }
  };

  const remove = async (a: AttachmentView) => {
    try {
      await api.delete(url(a));
      message.success(t('attachments.deleted', { name: a.fileName }));
      onChanged();
    } catch (error) {
      setErrors((e) => [...e, error instanceof Error ? error.message : String(error)]);
    }
  };

  const images = m.attachments.filter((a) => a.mediaType.startsWith('image/'));
  const documents = m.attachments.filter((a) => !a.mediaType.startsWith('image/'));
  const meta = (a: AttachmentView) => t('attachments.meta', { size: sizeText(a.sizeBytes), by: a.uploadedBy ?? '', at: chinaDateTime(a.uploadedAt) });
  const deleteButton = (a: AttachmentView) => (refusal === null && (
    <Popconfirm title={t('attachments.deleteConfirm', { name: a.fileName })} onConfirm={() => remove(a)}>
      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('attachments.delete')} title={t('attachments.delete')} data-testid="attachment-delete" />
    </Popconfirm>
  ));

  return (
    <Card size="small" title={t('attachments.title')} data-testid="meeting-attachments"
      extra={(
        <Upload accept="image/*,application/pdf" multiple showUploadList={false} disabled={refusal !== null}
          customRequest={({ file }) => { void upload(file as File); }}>
          <GatedButton icon={<UploadOutlined />} reason={refusal} loading={uploading > 0} data-testid="attachment-upload">{t('attachments.add')}</GatedButton>
        </Upload>
      )}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('attachments.hint')}</Typography.Text>
        {errors.length > 0 && (
          <Alert type="error" showIcon closable onClose={() => setErrors([])} data-testid="attachments-error"
            title={errors.map((e, i) => <div key={i}>{e}</div>)} />
        )}
        {m.attachments.length === 0 && <Typography.Text type="secondary">{t('attachments.none')}</Typography.Text>}
        {images.length > 0 && (
          <Image.PreviewGroup>
            <Flex wrap gap={8}>
              {images.map((a) => (
                <Flex key={a.id} vertical gap={2} style={{ width: 104 }} data-testid="attachment-item">
                  <Image src={url(a)} alt={a.fileName} width={104} height={104} style={{ objectFit: 'cover', borderRadius: 4 }} />
                  <Flex align="center" gap={2}>
                    <Tooltip title={meta(a)}>
                      <Typography.Link href={url(a)} target="_blank" rel="noopener" ellipsis style={{ fontSize: 12, flex: 1 }} data-testid="attachment-open">{a.fileName}</Typography.Link>
                    </Tooltip>
                    {deleteButton(a)}
                  </Flex>
                </Flex>
              ))}
            </Flex>
          </Image.PreviewGroup>
        )}
        {documents.map((a) => (
          <Flex key={a.id} align="center" gap={8} wrap data-testid="attachment-item">
            <FilePdfOutlined style={{ color: '#c8102e', fontSize: 18 }} />
            <Typography.Link href={url(a)} target="_blank" rel="noopener" data-testid="attachment-open">{a.fileName}</Typography.Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{meta(a)}</Typography.Text>
            {deleteButton(a)}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
