import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { OrgSummary } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { buildNodes, orgMatches, type OrgIndex } from '../../orgTree.js';

interface PickerNode {
  value: string;
  title: string;
  disabled: boolean;
  children: PickerNode[];
}

interface Props {
  index: OrgIndex;
  /** Organizations that cannot be chosen (still shown, so the tree stays whole). */
  isDisabled: (org: OrgSummary) => boolean;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}

/** Chooses an active organization in the user's scope; searchable by name, pinyin initials or code. */
export function OrgPicker({ index, isDisabled, value, onChange, id }: Props) {
  const { t } = useI18n();
  const treeData = useMemo(() => {
    const active = new Set([...index.byCode.values()].filter((o) => o.status === 'active').map((o) => o.code));
    return buildNodes<PickerNode>(index, (org, children) => ({
      value: org.code, title: org.name, disabled: isDisabled(org), children,
    }), active);
  }, [index, isDisabled]);

  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={onChange}
      treeData={treeData}
      showSearch={{
        filterTreeNode: (input, node) => {
          const org = index.byCode.get(String(node.value));
          return org ? orgMatches(org, input) : false;
        },
      }}
      placeholder={t('form.pickOrg')}
      treeDefaultExpandedKeys={index.roots.map((r) => r.code)}
      listHeight={320}
      style={{ width: '100%' }}
      allowClear
    />
  );
}
