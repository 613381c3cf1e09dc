/**
 * A county's concern settings (county_settings key 'concerns'): categories with their time limits,
 * the rating and reopen windows, the state labels, the escalation step. Set by the county
 * administrator. Read through a short cache because the public intake reads them on every
 * submission (issue §13: one transaction per submission and nothing else).
 */
import type { Db } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/service.js';
import { keyedSetting, saveSetting, viewSetting } from '../organizations/county-setting.js';
import { settingsBody, type ConcernSettings, type ConcernSettingsView } from './contracts.js';

export const SETTINGS_KEY = 'concerns';

export const defaultConcernSettings: ConcernSettings = {
  categories: [
    { id: 'infrastructure', name: '基础设施', limitDays: 10 },
    { id: 'agriculture', name: '农业生产', limitDays: 10 },
    { id: 'social_security', name: '社会保障', limitDays: 15 },
    { id: 'disputes', name: '矛盾纠纷', limitDays: 5 },
    { id: 'sanitation', name: '环境卫生', limitDays: 5 },
    { id: 'policy', name: '政策咨询', limitDays: 3 },
    { id: 'other', name: '其他', limitDays: 10 },
  ],
  ratingDays: 7,
  reopenDays: 15,
  stateLabels: {
    submitted: '待受理', referred: '已转办', accepted: '已受理', assigned: '已分派', in_progress: '办理中', paused: '暂停办理',
    answered: '答复待审', replied: '已答复', reopened: '重新办理', closed: '已办结', closed_unrated: '已办结（未评价）',
    duplicate: '重复诉求', rejected: '不予受理',
  },
  escalationStepDays: 5,
};

const TTL_MS = 30_000;
/** Per database, then county: a test process opens several databases. */
const caches = new WeakMap<Db, Map<string, { value: ConcernSettings; until: number }>>();
const cacheOf = (db: Db) => caches.get(db) ?? caches.set(db, new Map()).get(db)!;

/** Edited like every county setting; the cache below is dropped on save. */
const concernSetting = keyedSetting<ConcernSettings>(SETTINGS_KEY, settingsBody, defaultConcernSettings, { action: 'concerns.settings', forbidden: 'concerns.settings_forbidden' });

/** The county's settings, at most TTL_MS old. */
export async function concernSettings(db: Db, countyId: string): Promise<ConcernSettings> {
  const cache = cacheOf(db);
  const hit = cache.get(countyId);
  if (hit && hit.until > Date.now()) return hit.value;
  const value = await concernSetting.read(db, countyId);
  cache.set(countyId, { value, until: Date.now() + TTL_MS });
  return value;
}

export const categoryOf = (s: ConcernSettings, id: string | null) => s.categories.find((c) => c.id === id) ?? null;

export const getSettings = (ctx: ServiceContext): Promise<ConcernSettingsView> => viewSetting(ctx, { ...concernSetting, read: concernSettings });

export async function saveSettings(ctx: ServiceContext, input: ConcernSettings): Promise<ConcernSettingsView> {
  await saveSetting(ctx, concernSetting, input);
  cacheOf(ctx.db).delete(ctx.actor.countyId);
  return getSettings(ctx);
}
