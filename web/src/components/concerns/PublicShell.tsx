import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { LangSwitch } from '../LangSwitch.js';

/** The public pages' frame: a phone's width, no menu, no account. */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Flex vertical gap={16} style={{ maxWidth: 520, margin: '0 auto', padding: '16px 14px 32px', minHeight: '100vh' }}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="public-title">{title}</Typography.Title>
        <LangSwitch />
      </Flex>
      {children}
    </Flex>
  );
}
