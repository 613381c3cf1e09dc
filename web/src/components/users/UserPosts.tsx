import { Typography } from 'antd';
import { roleLabels } from '../../../../src/platform/access/abilities.js';
import type { UserView } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { pick } from '../../i18n/lang.js';

type Post = UserView['posts'][number];

/** A post in words: the role, the title when it says more than the role, and the organization. */
export function postText(post: Post, lang: 'zh' | 'en'): string {
  const role = pick(roleLabels[post.role], lang);
  const title = post.title && post.title !== roleLabels[post.role].zh ? post.title : null;
  const withTitle = title ? (lang === 'zh' ? `${role}（${title}）` : `${role} (${title})`) : role;
  return `${withTitle} · ${post.orgName}`;
}

export function UserPosts({ posts }: { posts: Post[] }) {
  const { t, lang } = useI18n();
  if (posts.length === 0) return <Typography.Text type="secondary">{t('users.noPosts')}</Typography.Text>;
  return (
    <div>
      {posts.map((p) => <div key={`${p.role}:${p.orgCode}:${p.title}`}>{postText(p, lang)}</div>)}
    </div>
  );
}
