import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Collapse, Descriptions, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import type { AssessmentSettingsView } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';
import { SchemesEditor } from './SchemesEditor.js';

/**
 * The county's schemes as rounds will copy them: parts with weights, grades with their minimums (low ones
 * marked). The county administrator edits them here; anyone else reads them and is told why they cannot.
 */
export function SchemesCard({ onSaved }: { onSaved: () => void }) {
  const { t, lang } = useI18n();
  const settings = useApi(`assessment-settings|${lang}`, (signal) => api.get<AssessmentSettingsView>('/api/assessments/settings', undefined, { signal }));
  const [editing, setEditing] = useState(false);
  const view = settings.data;
  if (!view) return null;
  const editable = view.can.edit.allowed;
  return (
    <>
      <Collapse size="small" data-testid="assessments-schemes" items={[{
        key: 'schemes', label: t('assessments.schemes.title'),
        extra: editable && (
          <Button size="small" icon={<EditOutlined />} data-testid="assessments-schemes-edit"
            onClick={(e) => { e.stopPropagation(); setEditing(true); }}>{t('assessments.schemes.edit')}</Button>
        ),
        children: (
          <>
            {!editable && <Alert type="info" showIcon title={t('assessments.schemes.readOnly')} style={{ marginBottom: 12 }} data-testid="assessments-schemes-readonly" />}
            {view.schemes.map((s) => (
              <Descriptions key={s.code} size="small" column={1} title={`${s.name}（${t(`assessments.schemes.subject.${s.subject}`)}）`} style={{ marginBottom: 12 }} data-testid="assessments-scheme-view" items={[
                { key: 'parts', label: t('assessments.schemes.parts'), children: s.parts.map((p) => `${p.label} ${p.weight}%`).join('，') },
                { key: 'grades', label: t('assessments.schemes.grades'), children: s.grades.map((g, i) => (
                  <Tag key={g.key} color={g.low ? 'red' : undefined}>
                    {i === s.grades.length - 1 ? t('assessments.schemes.below', { label: g.label, min: s.grades[i - 1]?.min ?? 0 }) : t('assessments.schemes.atLeast', { label: g.label, min: g.min })}
                  </Tag>
                )) },
              ]} />
            ))}
          </>
        ),
      }]} />
      {editing && <SchemesEditor schemes={view.schemes} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); settings.reload(); onSaved(); }} />}
    </>
  );
}
