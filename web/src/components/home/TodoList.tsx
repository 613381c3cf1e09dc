import { RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Skeleton, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api.js';
import type { Todo, Todos } from '../../contracts.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApi } from '../../useApi.js';

function TodoItem({ todo }: { todo: Todo }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const link = todo.link;
  const detail = [todo.detail, todo.due ? t('home.due', { date: todo.due }) : null].filter(Boolean).join(' · ');
  const body = (
    <>
      <div className="todo-text">
        <div>
          {todo.overdue && <Tag color="red">{t('home.overdue')}</Tag>}
          <Typography.Text strong>{todo.title}</Typography.Text>
        </div>
        {detail && <Typography.Text type="secondary">{detail}</Typography.Text>}
      </div>
      {link && <RightOutlined className="todo-arrow" />}
    </>
  );
  return (
    <li>
      {link ? <button type="button" className="todo-item" onClick={() => navigate(link)}>{body}</button> : <div className="todo-item">{body}</div>}
    </li>
  );
}

/** The acting user's own to-dos, loaded beside the figures of whichever subtree the page shows. */
export function TodoList() {
  const { t, lang } = useI18n();
  // The texts are in the user's language.
  const { data, error, reload } = useApi(lang, (signal) => api.get<Todos>('/api/todos', {}, { signal }));
  const todos = data?.items ?? [];
  return (
    <Card size="small" title={t('home.todos')} data-testid="todo-list" style={{ height: '100%' }}
      extra={todos.length > 0 && <Tag color="red">{todos.length}</Tag>}
      styles={{ body: { maxHeight: 320, overflow: 'auto', paddingBlock: 4 } }}>
      {error && !data ? <Alert type="error" showIcon message={t('home.todosFailed')} action={<Button size="small" onClick={reload}>{t('common.retry')}</Button>} />
        : !data ? <Skeleton active paragraph={{ rows: 3 }} />
        : todos.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noTodos')} /> : (
        <ul className="todo-list">
          {todos.map((todo) => <TodoItem key={`${todo.kind}:${todo.link ?? todo.title}`} todo={todo} />)}
        </ul>
      )}
    </Card>
  );
}
