/** A county's dues settings: the amounts the province leaves open and the back-payment limit, set by the county. */
import { grantingPost, permission } from '../../platform/access/actor.js';
import { forbidden } from '../../platform/errors.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { rootOrg } from '../organizations/county.js';
import type { DuesSettingsInput, DuesSettingsView } from './contracts.js';
import { settingsOf } from './queries.js';
import { duesSettings } from './schema.js';

export async function getSettings(ctx: ServiceContext): Promise<DuesSettingsView> {
  const root = (await rootOrg(ctx.db, ctx.actor.countyId))!;
  return { ...(await settingsOf(ctx.db, ctx.actor.countyId)), can: { edit: permission(ctx.actor, 'org.manage', root.path) } };
}

export async function saveSettings(ctx: ServiceContext, input: DuesSettingsInput): Promise<DuesSettingsView> {
  const root = (await rootOrg(ctx.db, ctx.actor.countyId))!;
  const post = grantingPost(ctx.actor, 'org.manage', root.path);
  if (!post) throw forbidden('dues.settings_forbidden');
  await write(ctx, async (w) => {
    const before = await settingsOf(w.tx, ctx.actor.countyId);
    await w.tx.insert(duesSettings).values({ countyId: ctx.actor.countyId, ...input, updatedAt: w.now })
      .onConflictDoUpdate({ target: duesSettings.countyId, set: { ...input, updatedAt: w.now } });
    w.audit({ action: 'dues.settings', entityType: 'dues_settings', entityId: ctx.actor.countyId, entityLabel: root.name, orgPath: root.path, postId: post.postId, before, after: input });
  });
  return getSettings(ctx);
}
