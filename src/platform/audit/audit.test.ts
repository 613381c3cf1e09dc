import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { write } from '../service.js';
import { verifyAuditChain } from './audit.js';

describe.each(engines)('the audit trail on %s', (engine) => {
  const t = useTestApp(engine);

  it('takes one write of more events than a statement has parameters for, in one unbroken chain', async () => {
    const before = await verifyAuditChain(t.database.db);
    expect(before.ok).toBe(true);
    // ~15 columns per event: 5,000 events would be ~75,000 parameters in one insert.
    await write(t.county.operator, async (w) => {
      for (let i = 0; i < 5000; i++) w.audit({ action: 'test.bulk', entityType: 'test', entityId: `e${i}`, entityLabel: `事件${i}` });
    });
    const after = await verifyAuditChain(t.database.db);
    expect(after).toMatchObject({ ok: true, events: before.events + 5000 });
  });
});
