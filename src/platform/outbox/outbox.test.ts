import { describe, expect, it } from 'vitest';
import { backoffMs, startLoop } from './outbox.js';

describe('the delivery loop', () => {
  it('runs its task on each tick, one run at a time, and stops after the run under way', async () => {
    let runs = 0;
    let concurrent = 0;
    let most = 0;
    const loop = startLoop(async () => {
      concurrent++;
      most = Math.max(most, concurrent);
      await new Promise((r) => setTimeout(r, 25));
      runs++;
      concurrent--;
    }, 5, () => {});
    await new Promise((r) => setTimeout(r, 120));
    await loop.stop();
    const stoppedAt = runs;
    await new Promise((r) => setTimeout(r, 40));
    expect(runs).toBeGreaterThan(1);
    expect(most).toBe(1);
    expect(runs).toBe(stoppedAt);
  });

  it('keeps going after a failed run, reporting it', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const loop = startLoop(async () => {
      runs++;
      throw new Error('down');
    }, 5, (e) => errors.push(e));
    await new Promise((r) => setTimeout(r, 40));
    await loop.stop();
    expect(runs).toBeGreaterThan(1);
    expect(errors).toHaveLength(runs);
  });

  it('waits longer after each failed attempt', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
  });
});
