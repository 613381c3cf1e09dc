/**
 * County-wide settings (dues amounts, point catalogue, visit quota, tag lists…): read by everyone in
 * the county, changed only by the county administrator — whoever holds 'org.manage' on the county's
 * root organization — and every change audited with the value it replaced.
 */
import type { z } from 'zod';
import { grantingPost, permission, type Permission } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/database.js';
import { forbidden } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { readSetting, storeSetting } from '../../platform/settings/settings.js';
import { rootOrg } from './county.js';

export interface CountySetting<T> {
  /** The audit action of a change, e.g. 'points.settings'. */
  action: string;
  /** Refuses a user who is not the county administrator. */
  forbidden: MessageKey;
  read(db: Db, countyId: string): Promise<T>;
  store(tx: Db, countyId: string, value: T, userId: string | null, now: Date): Promise<void>;
}

/** A setting kept as one JSON value under `key` in county_settings, with defaults until the county sets it. */
export function keyedSetting<T>(key: string, schema: z.ZodType<T>, defaults: T, names: Pick<CountySetting<T>, 'action' | 'forbidden'>): CountySetting<T> {
  return {
    ...names,
    read: (db, countyId) => readSetting(db, countyId, key, schema, defaults),
    store: (tx, countyId, value, userId, now) => storeSetting(tx, countyId, key, value, userId, now),
  };
}

export type SettingView<T> = T & { can: { edit: Permission } };

/** The setting with whether the acting user may change it, so the page can say why it is read-only. */
export async function viewSetting<T>(ctx: ServiceContext, setting: CountySetting<T>): Promise<SettingView<T>> {
  const root = (await rootOrg(ctx.db, ctx.actor.countyId))!;
  return { ...(await setting.read(ctx.db, ctx.actor.countyId)), can: { edit: permission(ctx.actor, 'org.manage', root.path) } };
}

/**
 * Stores a new value. `check` runs in the same transaction before the write and refuses by throwing:
 * it sees the value being replaced (e.g. a tag still in use may not be removed).
 */
export async function saveSetting<T>(ctx: ServiceContext, setting: CountySetting<T>, input: T, check?: (tx: Db, before: T) => Promise<void> | void): Promise<SettingView<T>> {
  const root = (await rootOrg(ctx.db, ctx.actor.countyId))!;
  const post = grantingPost(ctx.actor, 'org.manage', root.path);
  if (!post) throw forbidden(setting.forbidden);
  await write(ctx, async (w) => {
    const before = await setting.read(w.tx, ctx.actor.countyId);
    await check?.(w.tx, before);
    await setting.store(w.tx, ctx.actor.countyId, input, ctx.actor.userId, w.now);
    w.audit({ action: setting.action, entityType: 'county_settings', entityId: ctx.actor.countyId, entityLabel: root.name, orgPath: root.path, postId: post.postId, before, after: input });
  });
  return viewSetting(ctx, setting);
}
