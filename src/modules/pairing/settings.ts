/** The county's pairing quotas, help types and contact frequency: read by all, set by the county administrator. */
import { grantingPost, permission } from '../../platform/access/actor.js';
import { forbidden, invalid } from '../../platform/errors.js';
import { t, type Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { storeSetting } from '../../platform/settings/settings.js';
import { rootOrg } from '../organizations/county.js';
import type { PairingSettings, PairingSettingsView } from './contracts.js';
import { SETTINGS_KEY } from './defaults.js';
import { pairingSettings } from './queries.js';
import { checkSettings } from './rules.js';

export async function getSettings(ctx: ServiceContext): Promise<PairingSettingsView> {
  const root = (await rootOrg(ctx.db, ctx.actor.countyId))!;
  return { ...(await pairingSettings(ctx.db, ctx.actor.countyId)), can: { edit: permission(ctx.actor, 'org.manage', root.path) } };
}

export async function saveSettings(ctx: ServiceContext, input: PairingSettings, lang: Lang): Promise<PairingSettingsView> {
  const root = (await rootOrg(ctx.db, ctx.actor.countyId))!;
  const post = grantingPost(ctx.actor, 'org.manage', root.path);
  if (!post) throw forbidden('pairing.settings_forbidden');
  const problems = checkSettings(input).map((p) => ({ path: `body.${p.path}`, key: `pairing.settings.${p.rule}` as const, params: p.params }));
  if (problems.length > 0) {
    const detail = problems.map((p) => t(lang, p.key, p.params)).join(lang === 'zh' ? '；' : '; ');
    throw invalid('pairing.invalid_settings', { detail }, problems);
  }
  await write(ctx, async (w) => {
    const before = await pairingSettings(w.tx, ctx.actor.countyId);
    await storeSetting(w.tx, ctx.actor.countyId, SETTINGS_KEY, input, ctx.actor.userId, w.now);
    w.audit({ action: 'pairing.settings', entityType: 'county_settings', entityId: ctx.actor.countyId, entityLabel: root.name, orgPath: root.path, postId: post.postId, before, after: input });
  });
  return getSettings(ctx);
}
