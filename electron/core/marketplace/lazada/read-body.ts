/**
 * Reads a response body without trusting its size: a captive portal, a misconfigured
 * proxy or a broken server can send anything, and buffering it whole would take the app
 * down with it. The body is streamed and the read stops (the connection is dropped) as
 * soon as it passes `maxBytes`.
 */
export type CappedBody =
  { readonly kind: 'complete'; readonly bytes: Buffer } | { readonly kind: 'too_large'; readonly bytesRead: number };

export async function readCapped(response: Response, maxBytes: number): Promise<CappedBody> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'too_large', bytesRead: 0 };
  }
  if (response.body === null) return { kind: 'complete', bytes: Buffer.alloc(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { kind: 'too_large', bytesRead: total };
    }
    chunks.push(value);
  }
  return { kind: 'complete', bytes: Buffer.concat(chunks, total) };
}
