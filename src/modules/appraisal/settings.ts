/** The county's appraisal settings (the cap on 优秀, the month the round is expected from), set by the county administrator. */
import { grantingPost, permission } from '../../platform/access/actor.js';
import { forbidden } from '../../platform/errors.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { storeSetting } from '../../platform/settings/settings.js';
import { rootOrg } from '../organizations/county.js';
import type { AppraisalSettings, AppraisalSettingsView } from './contracts.js';
import { SETTINGS_KEY, settingsOf } from './queries.js';

export async function getSettings(ctx: ServiceContext): Promise<AppraisalSettingsView> {
  const root = (await rootOrg(ctx.db, ctx.actor.countyId))!;
  return { ...(await settingsOf(ctx.db, ctx.actor.countyId)), can: { edit: permission(ctx.actor, 'org.manage', root.path) } };
}

export async function saveSettings(ctx: ServiceContext, input: AppraisalSettings): Promise<AppraisalSettingsView> {
  const root = (await rootOrg(ctx.db, ctx.actor.countyId))!;
  const post = grantingPost(ctx.actor, 'org.manage', root.path);
  if (!post) throw forbidden('appraisal.settings_forbidden');
  await write(ctx, async (w) => {
    const before = await settingsOf(w.tx, ctx.actor.countyId);
    await storeSetting(w.tx, ctx.actor.countyId, SETTINGS_KEY, input, ctx.actor.userId, w.now);
    w.audit({ action: 'appraisal.settings', entityType: 'county_setting', entityId: ctx.actor.countyId, entityLabel: root.name, orgPath: root.path, postId: post.postId, before, after: input });
  });
  return getSettings(ctx);
}
