import { describe, expect, it } from 'vitest';
import { FAR_OFF_MS, ServerClock } from '../../../electron/core/marketplace/lazada/clock';
import { MAX_RETRY_AFTER_MS, retryAfterMs } from '../../../electron/core/marketplace/lazada/failures';
import { LAZADA_ENDPOINTS, practiceEndpoints } from '../../../electron/core/marketplace/lazada/endpoints';

describe('ServerClock', () => {
  it('starts at the local clock, with no offset', () => {
    const clock = new ServerClock(() => 1_000_000);
    expect(clock.now()).toBe(1_000_000);
    expect(clock.observed()).toBe(false);
    expect(clock.farOff()).toBe(false);
  });

  it('takes the middle of the request and of the Date second', () => {
    let local = 10_000_000;
    const clock = new ServerClock(() => local);
    // Sent at local 10 000 000, answered at 10 002 000; the server said 20 000 000 (whole second).
    clock.observe(new Date(20_000_000).toUTCString(), 10_000_000, 10_002_000);
    expect(clock.offsetMs()).toBe(20_000_000 + 500 - 10_001_000);
    local = 10_005_000;
    expect(clock.now()).toBe(10_005_000 + clock.offsetMs());
  });

  it('keeps the latest observation, so a fixed laptop clock is picked up at once', () => {
    const clock = new ServerClock(() => 0);
    clock.observe(new Date(3 * 3_600_000).toUTCString(), 0, 0);
    expect(clock.farOff()).toBe(true);
    clock.observe(new Date(0).toUTCString(), 0, 0);
    expect(clock.offsetMs()).toBe(500);
    expect(clock.farOff()).toBe(false);
  });

  it('is far off only beyond ten minutes, either way', () => {
    const clock = new ServerClock(() => 0);
    clock.observe(new Date(FAR_OFF_MS - 5_000).toUTCString(), 0, 0);
    expect(clock.farOff()).toBe(false);
    clock.observe(new Date(-FAR_OFF_MS - 5_000).toUTCString(), 0, 0);
    expect(clock.farOff()).toBe(true);
  });

  it('ignores a missing or unreadable Date, and a local clock that stepped back mid-call', () => {
    const clock = new ServerClock(() => 0);
    clock.observe(null, 0, 10);
    clock.observe('not a date', 0, 10);
    clock.observe(new Date(5_000_000).toUTCString(), 100, 50);
    expect(clock.observed()).toBe(false);
    expect(clock.offsetMs()).toBe(0);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates (against the server clock)', () => {
    expect(retryAfterMs('2', 0)).toBe(2000);
    expect(retryAfterMs(' 0 ', 0)).toBe(0);
    const serverNow = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:07 GMT', serverNow)).toBe(7000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:27:00 GMT', serverNow)).toBe(0);
  });

  it('ignores nonsense and clamps absurd values', () => {
    expect(retryAfterMs(null, 0)).toBeUndefined();
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs('-5', 0)).toBeUndefined();
    expect(retryAfterMs('99999999999', 0)).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe('endpoints', () => {
  it('knows the real hosts and derives the practice ones from a base URL', () => {
    expect(LAZADA_ENDPOINTS.api).toBe('https://api.lazada.co.id/rest');
    expect(practiceEndpoints('http://127.0.0.1:4321/')).toEqual({
      api: 'http://127.0.0.1:4321/rest',
      auth: 'http://127.0.0.1:4321/rest',
      authorize: 'http://127.0.0.1:4321/oauth/authorize',
    });
    expect(() => practiceEndpoints('file:///etc/passwd')).toThrow(TypeError);
  });
});
