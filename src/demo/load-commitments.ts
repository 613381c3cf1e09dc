/**
 * Loads the demo county's commitments (demo/commitments.ts): the county's "421" setting, the commitments
 * with their items, progress updates and last year's appraisals, in bulk.
 */
import { commitmentAppraisals, commitments, commitmentUpdates } from '../modules/commitments/schema.js';
import { commitmentSetting } from '../modules/commitments/queries.js';
import type { WriteScope } from '../platform/service.js';
import { demoCommitments } from './commitments.js';
import type { DemoCounty } from './generate.js';
import { insertRows } from './insert.js';
import type { Loaded } from './load-life.js';

export async function loadCommitments(w: WriteScope, demo: DemoCounty, { countyId, orgRows, personIds }: Loaded): Promise<Record<string, number>> {
  const data = demoCommitments(demo, demo.asOf);
  await commitmentSetting.store(w.tx, countyId, data.settings, null, w.now);
  const ids = new Map(data.commitments.map((c) => [c.key, crypto.randomUUID()]));
  const rows = data.commitments.map(({ key, orgCode, personKey, parentKey, ...c }) => ({
    ...c, countyId, id: ids.get(key)!, orgId: orgRows.get(orgCode)!.id, orgPath: orgRows.get(orgCode)!.path,
    personId: personKey === null ? null : personIds.get(personKey)!, parentId: parentKey === null ? null : ids.get(parentKey)!,
  }));
  // Parents first: an item's row refers to its commitment's.
  await insertRows(w.tx, commitments, rows.filter((r) => r.parentId === null));
  await insertRows(w.tx, commitments, rows.filter((r) => r.parentId !== null));
  await insertRows(w.tx, commitmentUpdates, data.updates.map(({ commitmentKey, ...u }) => ({ ...u, countyId, commitmentId: ids.get(commitmentKey)! })));
  await insertRows(w.tx, commitmentAppraisals, data.appraisals.map(({ commitmentKey, ...a }) => ({ ...a, countyId, commitmentId: ids.get(commitmentKey)! })));
  return { commitments: rows.filter((r) => r.parentId === null).length, commitmentUpdates: data.updates.length, commitmentAppraisals: data.appraisals.length };
}
