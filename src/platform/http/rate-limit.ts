/**
 * Fixed-window counters in memory, for routes anyone may call (the public concern pages). One
 * process serves a county, so memory is where the counts belong; a restart forgets them, which only
 * ever lets a little more through. Windows are pruned as they expire so the map stays small.
 */
import { AppError } from '../errors.js';

export interface RateLimit {
  /** Requests allowed per window. */
  max: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private nextPrune = 0;

  constructor(readonly limit: RateLimit) {}

  /** Counts a request under `key`; answers the seconds to wait when it is over the limit, else 0. */
  hit(key: string, now: number): number {
    this.prune(now);
    const window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      this.windows.set(key, { count: 1, resetAt: now + this.limit.windowMs });
      return 0;
    }
    if (window.count >= this.limit.max) return Math.max(1, Math.ceil((window.resetAt - now) / 1000));
    window.count++;
    return 0;
  }

  private prune(now: number): void {
    if (now < this.nextPrune) return;
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
    this.nextPrune = now + this.limit.windowMs;
  }
}

/** The refusal of a request over a limit: 429 with the wait, which the caller also sends as Retry-After. */
export const tooManyRequests = (seconds: number) => new AppError(429, 'rate_limited', 'error.rate_limited', { seconds });

/**
 * Counts a request under each key with its limiter in turn and refuses it at the first that is
 * over, with Retry-After: a client refused by its own limit uses up nothing of a shared one.
 */
export function throttle(checks: readonly [RateLimiter, string][], now: number, setHeader: (name: string, value: string) => void): void {
  for (const [limiter, key] of checks) {
    const wait = limiter.hit(key, now);
    if (wait > 0) {
      setHeader('Retry-After', String(wait));
      throw tooManyRequests(wait);
    }
  }
}
