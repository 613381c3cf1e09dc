import { Alert, Card, Empty, Flex, Input, Switch, Tag, Tree, type GetRef, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { OrgSummary } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ancestorCodes, buildNodes, type OrgIndex } from '../../orgTree.js';

interface Props {
  index: OrgIndex | undefined;
  loading: boolean;
  selected: string | undefined;
  onSelect: (code: string) => void;
  search: string;
  onSearch: (q: string) => void;
  /** Codes the server matched for `search`, or undefined when there is no search. */
  matches: Set<string> | undefined;
  searchError: string | undefined;
  includeDissolved: boolean;
  onIncludeDissolved: (value: boolean) => void;
  height: number;
  /** Actions in the card's header (e.g. import). */
  extra?: ReactNode;
}

export function OrgTreePanel(props: Props) {
  const { index, selected, matches } = props;
  const { t } = useI18n();
  const [expanded, setExpanded] = useState<string[]>([]);
  const treeRef = useRef<GetRef<typeof Tree>>(null);
  const boxRef = useRef<HTMLDivElement>(null);

  // Default view: the tops of the scope and their children open.
  useEffect(() => {
    if (!index) return;
    setExpanded((old) => (old.length ? old : index.roots.map((r) => r.code)));
  }, [index]);

  // Open the way to the selected organization (it may come from a link) and scroll to it.
  useEffect(() => {
    if (!index || !selected) return;
    const path = ancestorCodes(index, selected);
    setExpanded((old) => (path.every((c) => old.includes(c)) ? old : [...new Set([...old, ...path])]));
    if (!index.byCode.has(selected)) return;
    const timer = setTimeout(() => {
      // Only scroll when the node is not on screen already (the virtual list renders little more than that).
      const holder = boxRef.current?.querySelector('.ant-tree-list-holder');
      const node = boxRef.current?.querySelector('.ant-tree-treenode-selected');
      if (holder && node) {
        const a = holder.getBoundingClientRect();
        const b = node.getBoundingClientRect();
        if (b.top >= a.top && b.bottom <= a.bottom) return;
      }
      treeRef.current?.scrollTo({ key: selected, align: 'top', offset: 48 });
    }, 80);
    return () => clearTimeout(timer);
  }, [index, selected]);

  // Search: matches plus their ancestors, all expanded.
  const visible = useMemo(() => {
    if (!index || !matches) return undefined;
    const keep = new Set<string>();
    for (const code of matches) {
      if (!index.byCode.has(code)) continue;
      keep.add(code);
      for (const a of ancestorCodes(index, code)) keep.add(a);
    }
    return keep;
  }, [index, matches]);

  useEffect(() => {
    if (visible) setExpanded([...visible]);
  }, [visible]);

  const treeData = useMemo(() => {
    if (!index) return [];
    return buildNodes<TreeDataNode>(index, (org: OrgSummary, children) => ({
      key: org.code,
      title: (
        <span className={[matches?.has(org.code) ? 'org-match' : '', org.status === 'dissolved' ? 'org-dissolved' : ''].join(' ')}>
          {org.name}
          {org.status === 'dissolved' && <Tag style={{ marginInlineStart: 4 }}>{t('org.status.dissolved')}</Tag>}
        </span>
      ),
      children,
      isLeaf: children.length === 0,
    }), visible);
  }, [index, visible, matches, t]);

  return (
    <Card size="small" title={t('org.tree')} extra={props.extra} styles={{ body: { paddingInline: 8 } }}>
      <Flex vertical gap={8}>
        <Input.Search
          allowClear
          placeholder={t('org.search')}
          value={props.search}
          onChange={(e) => props.onSearch(e.target.value)}
          onSearch={props.onSearch}
          loading={props.loading}
          data-testid="org-search"
        />
        <Flex align="center" gap={8}>
          <Switch size="small" checked={props.includeDissolved} onChange={props.onIncludeDissolved} data-testid="org-show-dissolved" />
          <span>{t('org.showDissolved')}</span>
        </Flex>
        {props.searchError && <Alert type="error" showIcon title={props.searchError} />}
        <div data-testid="org-tree" ref={boxRef}>
          {treeData.length === 0 && !props.loading ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={matches ? t('org.noMatch') : t('home.noOrgs')} />
          ) : (
            <Tree
              ref={treeRef}
              treeData={treeData}
              height={props.height}
              virtual
              blockNode
              showLine
              expandedKeys={expanded}
              onExpand={(keys) => setExpanded(keys.map(String))}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => {
                const code = keys[0];
                if (code !== undefined) props.onSelect(String(code));
              }}
            />
          )}
        </div>
      </Flex>
    </Card>
  );
}
