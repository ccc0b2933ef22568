/**
 * Bytes on the wire, estimated from what fetch is given and what it returns: the upload
 * benchmark holds Akar to "bytes sent ≤ 1.05 × (image bytes + payload bytes)" on metered
 * 3G, so headers count too. fetch (undici) adds a handful of headers of its own; they are
 * listed here as Node 20's undici sends them (a test compares the estimate with what a
 * server really received).
 */
const FETCH_DEFAULT_HEADERS =
  'connection: keep-alive\r\n' +
  'accept-language: *\r\n' +
  'sec-fetch-mode: cors\r\n' +
  'user-agent: node\r\n' +
  'accept-encoding: gzip, deflate\r\n';

const CRLF = 2;

export function requestWireBytes(
  method: string,
  url: URL,
  headers: Readonly<Record<string, string>>,
  bodyBytes: number,
): number {
  let size = `${method} ${url.pathname}${url.search} HTTP/1.1`.length + CRLF;
  size += `host: ${url.host}`.length + CRLF;
  for (const [name, value] of Object.entries(headers)) size += Buffer.byteLength(`${name}: ${value}`) + CRLF;
  size += FETCH_DEFAULT_HEADERS.length;
  if (bodyBytes > 0 || method !== 'GET') size += `content-length: ${bodyBytes}`.length + CRLF;
  return size + CRLF + bodyBytes;
}

/** Status line and headers of a response (the body is counted as it is read). */
export function responseHeadWireBytes(response: Response): number {
  let size = `HTTP/1.1 ${response.status} ${response.statusText}`.length + CRLF;
  response.headers.forEach((value, name) => {
    size += Buffer.byteLength(`${name}: ${value}`) + CRLF;
  });
  return size + CRLF;
}
