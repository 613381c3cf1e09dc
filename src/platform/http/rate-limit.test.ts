import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { RateLimiter, throttle } from './rate-limit.js';

describe('rate limits', () => {
  it('lets max requests through a window, then answers the seconds left, and opens again when it ends', () => {
    const limiter = new RateLimiter({ max: 3, windowMs: 60_000 });
    expect([0, 1, 2].map((i) => limiter.hit('a', 1000 + i))).toEqual([0, 0, 0]);
    expect(limiter.hit('a', 1003)).toBe(60);
    expect(limiter.hit('a', 50_000)).toBe(11);
    expect(limiter.hit('b', 50_000)).toBe(0);
    expect(limiter.hit('a', 61_000)).toBe(0);
  });

  it('refuses at the first limit over, with Retry-After, without counting against the limits after it', () => {
    const client = new RateLimiter({ max: 1, windowMs: 60_000 });
    const village = new RateLimiter({ max: 2, windowMs: 60_000 });
    const headers: Record<string, string> = {};
    const set = (name: string, value: string) => { headers[name] = value; };
    throttle([[client, 'ip1'], [village, 'v']], 0, set);
    for (let i = 0; i < 5; i++) {
      try {
        throttle([[client, 'ip1'], [village, 'v']], 1000, set);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).status).toBe(429);
      }
    }
    expect(headers['Retry-After']).toBe('59');
    // The village's burst still has room for another client.
    expect(() => throttle([[client, 'ip2'], [village, 'v']], 1000, set)).not.toThrow();
    expect(() => throttle([[client, 'ip3'], [village, 'v']], 1000, set)).toThrow(AppError);
  });
});
