import { Card, Col, Descriptions, Empty, Flex, Row, Table, Tag, Typography } from 'antd';
import { abilityLabels, roleLabels } from '../../../src/platform/access/abilities.js';
import { PasswordForm } from '../components/PasswordForm.js';
import type { Me } from '../contracts.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { pick } from '../i18n/lang.js';
import { useUser } from '../session.js';

type Post = Me['posts'][number];

export default function AccountPage() {
  const { t, lang } = useI18n();
  const user = useUser();

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('nav.account')}</Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={12}>
            <Card size="small" title={t('account.profile')}>
              <Descriptions size="small" column={1} items={[
                { key: 'name', label: t('account.name'), children: user.name },
                { key: 'username', label: t('account.username'), children: user.username },
                { key: 'county', label: t('account.county'), children: user.countyName },
              ]} />
            </Card>
            <Card size="small" title={t('account.posts')}>
              {user.posts.length === 0 ? <Empty description={t('account.noPosts')} /> : (
                <Table<Post>
                  size="small"
                  pagination={false}
                  rowKey={(p) => `${p.role}:${p.orgCode}:${p.title}`}
                  dataSource={user.posts}
                  scroll={{ x: 480 }}
                  columns={[
                    { key: 'role', title: t('account.role'), render: (_, p) => pick(roleLabels[p.role], lang) },
                    { key: 'title', title: t('account.postTitle'), dataIndex: 'title' },
                    { key: 'org', title: t('account.org'), dataIndex: 'orgName' },
                  ]}
                />
              )}
            </Card>
            <Card size="small" title={t('account.abilities')}>
              <Flex wrap gap={6}>
                {user.abilities.map((a) => <Tag key={a} color="red" variant="outlined">{pick(abilityLabels[a], lang)}</Tag>)}
              </Flex>
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('account.changePassword')}>
            <PasswordForm />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
