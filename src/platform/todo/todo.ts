import type { ServiceContext } from '../service.js';

/** One item of a user's to-do list: derived from records every time, never stored. */
export interface TodoItem {
  kind: string;
  title: string;
  detail?: string;
  /** Where the item is handled in the web app. */
  link?: string;
  due?: string | null;
  overdue?: boolean;
}

/** Modules contribute to-do items for the acting user; the list is their union. */
export type TodoProvider = (ctx: ServiceContext, lang: 'zh' | 'en') => Promise<TodoItem[]>;

export async function todoList(ctx: ServiceContext, lang: 'zh' | 'en', providers: TodoProvider[]): Promise<TodoItem[]> {
  const lists = await Promise.all(providers.map((p) => p(ctx, lang)));
  return lists.flat().sort((a, b) => Number(b.overdue ?? false) - Number(a.overdue ?? false) || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
}
