import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Lazada Open Platform request signature (LZD-DOC 108068): every parameter except `sign`
 * and file parts, sorted by name (plain code-unit order, which is ASCII order for the
 * names Lazada uses), concatenated as `k1v1k2v2...`, prefixed with the API path, then
 * HMAC-SHA256 with the app secret, upper-case hex. Empty values are skipped, as the
 * official Java/C# SDKs do. The client and the practice marketplace both sign with this,
 * so a mistake here cannot hide behind a matching mistake on the other side: the test
 * checks the documented worked example.
 */
export function lazadaSignature(apiPath: string, params: Readonly<Record<string, string>>, appSecret: string): string {
  return createHmac('sha256', appSecret).update(stringToSign(apiPath, params), 'utf8').digest('hex').toUpperCase();
}

export function stringToSign(apiPath: string, params: Readonly<Record<string, string>>): string {
  const names = Object.keys(params)
    .filter((name) => name !== 'sign' && params[name] !== '')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let text = apiPath;
  for (const name of names) text += name + params[name];
  return text;
}

/** Constant-time comparison, for the practice marketplace's check of incoming requests. */
export function signatureMatches(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received.toUpperCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
