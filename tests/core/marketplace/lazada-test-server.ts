import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny real HTTP server on 127.0.0.1 for the Lazada client tests: each test answers
 * what it needs, and every request is recorded as the server saw it (parameters parsed
 * from the query, a form body or a multipart body, and the exact bytes received).
 */

export interface ReceivedFile {
  readonly field: string;
  readonly fileName: string;
  readonly size: number;
}

export interface Received {
  readonly method: string;
  readonly path: string;
  readonly params: Record<string, string>;
  readonly file?: ReceivedFile;
  readonly contentType: string;
  /** Request line + headers + body, as they arrived. */
  readonly wireBytes: number;
}

export type Handler = (request: Received, response: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface TestServer {
  readonly url: string;
  readonly received: Received[];
  readonly server: Server;
  close(): Promise<void>;
}

export async function startServer(handler: Handler, options: { readBody?: boolean } = {}): Promise<TestServer> {
  const received: Received[] = [];
  const server = createServer((raw, response) => {
    if (options.readBody === false) {
      void handler(describe(raw, Buffer.alloc(0)), response, raw);
      return;
    }
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const request = await parse(raw, body);
        received.push(request);
        await handler(request, response, raw);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function describe(raw: IncomingMessage, body: Buffer): Received {
  const url = new URL(raw.url ?? '/', 'http://127.0.0.1');
  let head = `${raw.method} ${raw.url} HTTP/${raw.httpVersion}\r\n`;
  for (let i = 0; i + 1 < raw.rawHeaders.length; i += 2) head += `${raw.rawHeaders[i]}: ${raw.rawHeaders[i + 1]}\r\n`;
  head += '\r\n';
  return {
    method: raw.method ?? '',
    path: url.pathname,
    params: Object.fromEntries(url.searchParams),
    contentType: raw.headers['content-type'] ?? '',
    wireBytes: Buffer.byteLength(head) + body.length,
  };
}

async function parse(raw: IncomingMessage, body: Buffer): Promise<Received> {
  const base = describe(raw, body);
  if (base.contentType.startsWith('application/x-www-form-urlencoded')) {
    return { ...base, params: { ...base.params, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) } };
  }
  if (base.contentType.startsWith('multipart/form-data')) {
    const form = await new Response(body, { headers: { 'content-type': base.contentType } }).formData();
    const params: Record<string, string> = { ...base.params };
    let file: ReceivedFile | undefined;
    for (const [name, value] of form) {
      if (typeof value === 'string') params[name] = value;
      else file = { field: name, fileName: value.name, size: value.size };
    }
    return { ...base, params, ...(file ? { file } : {}) };
  }
  return base;
}

export function sendJson(
  response: ServerResponse,
  value: unknown,
  options: { status?: number; headers?: Record<string, string> } = {},
): void {
  const body = JSON.stringify(value);
  response.writeHead(options.status ?? 200, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(body),
    ...options.headers,
  });
  response.end(body);
}

export function ok(response: ServerResponse, data: unknown, headers: Record<string, string> = {}): void {
  sendJson(response, { code: '0', data, request_id: 'req-ok' }, { headers });
}

export function lazadaError(
  response: ServerResponse,
  code: string,
  extra: Record<string, unknown> = {},
  options: { status?: number; headers?: Record<string, string> } = {},
): void {
  sendJson(response, { type: 'ISV', code, message: `error ${code}`, request_id: 'req-err', ...extra }, options);
}

/** A port nothing listens on (bound, then released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
