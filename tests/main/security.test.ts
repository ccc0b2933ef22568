import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  isAppUrl,
  isTrustedSender,
} from '../../electron/main/security';

const DEV = 'http://localhost:5173';

/** URLs the window must never navigate to, nor accept IPC from. */
const FOREIGN = [
  'akar://evil/index.html',
  'akar://app.evil.com/index.html',
  'akar://app@evil.com/index.html',
  'akar://user:pw@app/index.html',
  'akar://app:8080/index.html',
  'akar:app/index.html',
  'akar:///app/index.html',
  'https://akar.app/',
  'http://app/',
  'https://app/',
  'file:///etc/passwd',
  'file:///C:/Users/sari/AppData/Roaming/Akar/akar.db',
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:akar://app/6c1b1d7e',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'http://localhost:5173/',
  '',
  'app/index.html',
  '//app/index.html',
  'not a url',
];

describe('isAllowedNavigation', () => {
  it('allows the app’s own pages', () => {
    for (const url of [APP_ENTRY_URL, 'akar://app/x', 'akar://app/', 'akar://app/sellers/3?tab=products#sku-2']) {
      expect(isAllowedNavigation(url), url).toBe(true);
    }
  });

  it('refuses every other scheme, host, credential or port trick', () => {
    for (const url of FOREIGN) expect(isAllowedNavigation(url), url).toBe(false);
  });

  it('refuses random web URLs (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => !isAllowedNavigation(url)),
      { seed: 11, numRuns: 500 },
    );
  });

  it('allows any path under akar://app (property)', () => {
    fc.assert(
      fc.property(fc.webPath(), (p) => isAllowedNavigation(`akar://app${p.startsWith('/') ? p : `/${p}`}`)),
      { seed: 12, numRuns: 500 },
    );
  });

  it('allows the dev server’s exact origin only when one is given', () => {
    expect(isAllowedNavigation(`${DEV}/`)).toBe(false);
    expect(isAllowedNavigation(`${DEV}/`, DEV)).toBe(true);
    expect(isAllowedNavigation(`${DEV}/src/main.tsx?t=1`, DEV)).toBe(true);
    expect(isAllowedNavigation(APP_ENTRY_URL, DEV)).toBe(true);
    for (const url of [
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://localhost:5173.evil.com/',
      'http://localhost:5173@evil.com/',
      'http://evil.com/?next=http://localhost:5173',
      'http://evil.com/http://localhost:5173',
    ]) {
      expect(isAllowedNavigation(url, DEV), url).toBe(false);
    }
  });

  it('does not let an odd dev server value open everything', () => {
    // An origin of "null" (file:, data:) must not match other "null"-origin URLs.
    expect(isAllowedNavigation('file:///etc/passwd', 'file:///home/dev/index.html')).toBe(false);
    expect(isAllowedNavigation('data:text/html,x', 'data:text/html,y')).toBe(false);
    expect(isAllowedNavigation('https://evil.com/', 'not a url')).toBe(false);
    expect(isAllowedNavigation('https://evil.com/', '')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the app’s own page (and the dev server when given)', () => {
    expect(isTrustedSender(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSender('akar://app/sellers')).toBe(true);
    expect(isTrustedSender(`${DEV}/`, DEV)).toBe(true);
    expect(isTrustedSender(`${DEV}/`)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    for (const url of FOREIGN) expect(isTrustedSender(url), url).toBe(false);
  });

  it('agrees with isAppUrl', () => {
    for (const url of [...FOREIGN, APP_ENTRY_URL, `${DEV}/`]) {
      expect(isTrustedSender(url, DEV)).toBe(isAppUrl(url, DEV));
    }
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

  it('denies by default and allows scripts from the app only', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('never allows inline or eval’d script, wildcards or remote sources', () => {
    for (const [name, sources] of directives) {
      for (const source of sources) {
        expect(["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:'], `${name} ${source}`).not.toContain(source);
        expect(source, `${name} ${source}`).not.toMatch(/^https?:\/\//);
      }
    }
  });
});
