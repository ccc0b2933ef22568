import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../electron/main/handlers';
import { isStorefrontUrl } from '../../electron/main/storefront';
import { unwrap } from '../support/results';
import { cancellingShell } from '../support/shell';
import { openTempCore, type TempCore } from '../support/temp';

describe('isStorefrontUrl', () => {
  it('accepts pages of the practice marketplace on 127.0.0.1', () => {
    for (const url of [
      'http://127.0.0.1:41234/',
      'http://127.0.0.1:1/',
      'http://127.0.0.1:65535/shop/3',
      'http://127.0.0.1:8080/shop/3/item/1000017',
    ]) {
      expect(isStorefrontUrl(url), url).toBe(true);
    }
  });

  it('refuses anything else', () => {
    for (const url of [
      '',
      'http://127.0.0.1/',
      'http://127.0.0.1:0/',
      'http://127.0.0.1:65536/',
      'http://127.0.0.1:080/',
      'http://127.0.0.1:8080',
      'https://127.0.0.1:8080/',
      'http://localhost:8080/',
      'http://127.0.0.2:8080/',
      'http://127.1:8080/',
      'http://0x7f.0.0.1:8080/',
      'http://[::1]:8080/',
      'http://user@127.0.0.1:8080/',
      'http://user:pw@127.0.0.1:8080/',
      'http://127.0.0.1:8080@evil.example/',
      'http://127.0.0.1:8080.evil.example/',
      'http://127.0.0.1:8080//evil.example/',
      'http://127.0.0.1:8080/shop/../../etc/passwd',
      'http://127.0.0.1:8080/%2e%2e/',
      'http://127.0.0.1:8080/shop\\3',
      'http://127.0.0.1:8080/?next=https://evil.example',
      'http://127.0.0.1:8080/#x',
      'HTTP://127.0.0.1:8080/',
      ' http://127.0.0.1:8080/',
      'http://127.0.0.1:8080/\n',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'akar://app/index.html',
      `http://127.0.0.1:8080/${'a'.repeat(600)}`,
    ]) {
      expect(isStorefrontUrl(url), url).toBe(false);
    }
    for (const value of [undefined, null, 8080, {}, ['http://127.0.0.1:8080/']]) {
      expect(isStorefrontUrl(value)).toBe(false);
    }
  });

  it('refuses random web addresses (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => !isStorefrontUrl(url)),
      { seed: 17, numRuns: 500 },
    );
  });
});

describe('practice:openStorefront', () => {
  let temp: TempCore | undefined;
  afterEach(async () => {
    if (temp) {
      await temp.core.practice.stop({});
      temp.dispose();
    }
    temp = undefined;
  });

  it('opens the running practice storefront, an address main made itself', async () => {
    temp = openTempCore();
    const { shell, asked } = cancellingShell();
    const handlers = createHandlers(temp.core, shell);
    const answer = await dispatch(handlers, 'practice:openStorefront', {});
    expect(answer.ok).toBe(true);
    const url = answer.ok ? (answer.value as { storefrontUrl: string }).storefrontUrl : '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(asked).toEqual([`storefront ${url}`]);
  });

  it("opens the participant's own practice shop once it is connected", async () => {
    temp = openTempCore();
    const { shell, asked } = cancellingShell();
    const handlers = createHandlers(temp.core, shell);
    const seller = unwrap(await temp.core.sellers.create({ name: 'Ibu Sari', businessName: 'Keripik Sari' }));
    unwrap(await temp.core.practice.connect({ sellerId: seller.id }));
    const answer = await dispatch(handlers, 'practice:openStorefront', { sellerId: seller.id });
    const url = answer.ok ? (answer.value as { storefrontUrl: string }).storefrontUrl : '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/shop\/\d+$/);
    expect(asked).toEqual([`storefront ${url}`]);
    expect(await (await fetch(url)).text()).toContain('Keripik Sari');
  });

  it('takes no address from the page', async () => {
    temp = openTempCore();
    const { shell, asked } = cancellingShell();
    const handlers = createHandlers(temp.core, shell);
    const answer = await handlers['practice:openStorefront']({ url: 'https://evil.example/' } as never);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(asked).toEqual([]);
  });
});
