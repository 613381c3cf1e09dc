/** The county's visit quota (local practice, seed 000): read by all, set by the county administrator. */
import { grantingPost, permission } from '../../platform/access/actor.js';
import { forbidden } from '../../platform/errors.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { storeSetting } from '../../platform/settings/settings.js';
import { rootOrg } from '../organizations/county.js';
import type { ContractingSettings, ContractingSettingsView } from './contracts.js';
import { contractingSettings } from './queries.js';
import { SETTINGS_KEY } from './rules.js';

export async function getSettings(ctx: ServiceContext): Promise<ContractingSettingsView> {
  const root = (await rootOrg(ctx.db, ctx.actor.countyId))!;
  return { ...(await contractingSettings(ctx.db, ctx.actor.countyId)), can: { edit: permission(ctx.actor, 'org.manage', root.path) } };
}

export async function saveSettings(ctx: ServiceContext, input: ContractingSettings): Promise<ContractingSettingsView> {
  const root = (await rootOrg(ctx.db, ctx.actor.countyId))!;
  const post = grantingPost(ctx.actor, 'org.manage', root.path);
  if (!post) throw forbidden('contracting.settings_forbidden');
  await write(ctx, async (w) => {
    const before = await contractingSettings(w.tx, ctx.actor.countyId);
    await storeSetting(w.tx, ctx.actor.countyId, SETTINGS_KEY, input, ctx.actor.userId, w.now);
    w.audit({ action: 'contracting.settings', entityType: 'county_settings', entityId: ctx.actor.countyId, entityLabel: root.name, orgPath: root.path, postId: post.postId, before, after: input });
  });
  return getSettings(ctx);
}
