import { describe, expect, it } from 'vitest';
import { fullJitter } from '../../../electron/core/outbox/backoff';
import { CircuitBreaker } from '../../../electron/core/outbox/circuit';
import { TokenBucket } from '../../../electron/core/outbox/token-bucket';
import { seededRandom } from '../../support/random';

describe('full-jitter backoff', () => {
  it('stays between 0 and min(cap, base * 2^attempt), and spreads over that range', () => {
    const random = seededRandom(7);
    for (const attempt of [0, 1, 3, 8, 40]) {
      const ceiling = Math.min(60_000, 500 * 2 ** attempt);
      const waits = Array.from({ length: 400 }, () => fullJitter(attempt, { baseMs: 500, capMs: 60_000 }, random));
      expect(Math.min(...waits)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...waits)).toBeLessThan(ceiling);
      // Full jitter: the waits cover the range, not a narrow band near the ceiling.
      expect(Math.min(...waits)).toBeLessThan(ceiling * 0.1);
      expect(Math.max(...waits)).toBeGreaterThan(ceiling * 0.9);
    }
  });
});

describe('token bucket', () => {
  it('allows a burst, then paces calls at the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(4, 2, () => now);
    expect(bucket.take()).toBe(0);
    expect(bucket.take()).toBe(0);
    expect(bucket.take()).toBe(250);
    now += 250;
    expect(bucket.take()).toBe(0);
    expect(bucket.take()).toBe(250);
  });

  it('lets nothing through before a blocked-until time, then restarts empty', () => {
    let now = 1_000;
    const bucket = new TokenBucket(10, 5, () => now);
    bucket.blockUntil(3_000);
    expect(bucket.take()).toBe(2_000);
    now = 2_999;
    expect(bucket.take()).toBe(1);
    now = 3_000;
    expect(bucket.take()).toBe(100); // empty after the ban: no burst
    now = 3_100;
    expect(bucket.take()).toBe(0);
  });

  it('keeps the measured rate within budget over many calls', async () => {
    let now = 0;
    const bucket = new TokenBucket(5, 1, () => now);
    const sent: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      await bucket.acquire(async (ms) => {
        now += ms;
      });
      sent.push(now);
    }
    const seconds = ((sent[sent.length - 1] ?? 0) - (sent[0] ?? 0)) / 1000;
    expect((sent.length - 1) / seconds).toBeLessThanOrEqual(5.0001);
  });
});

describe('circuit breaker', () => {
  it('opens after the threshold, lets one probe through after the cooldown, closes on success', () => {
    let now = 0;
    const circuit = new CircuitBreaker(3, 1_000, () => now);
    circuit.failed();
    circuit.failed();
    expect(circuit.allow()).toBe(true);
    circuit.failed();
    expect(circuit.state()).toBe('open');
    expect(circuit.allow()).toBe(false);
    expect(circuit.retryInMs()).toBe(1_000);
    now = 1_000;
    expect(circuit.state()).toBe('half_open');
    expect(circuit.allow()).toBe(true);
    expect(circuit.allow()).toBe(false); // one probe at a time
    circuit.succeeded();
    expect(circuit.state()).toBe('closed');
    expect(circuit.allow()).toBe(true);
  });

  it('re-opens at once when the probe fails', () => {
    let now = 0;
    const circuit = new CircuitBreaker(2, 500, () => now);
    circuit.failed();
    circuit.failed();
    now = 600;
    expect(circuit.allow()).toBe(true);
    circuit.failed();
    expect(circuit.state()).toBe('open');
    expect(circuit.retryInMs()).toBe(500);
  });
});
