import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * The other end of the OAuth redirect (RFC 8252 §7.3, loopback interface redirection): a
 * one-shot HTTP listener on 127.0.0.1 at a port the OS picks. It accepts exactly one
 * `GET /callback` whose `state` matches — a request with another state (a stale tab, a
 * page poking local ports) gets a 400 and the receiver keeps waiting — answers a short
 * plain-text page, and closes. The page's words come from the caller, already translated.
 */

export type AuthorizationFailure = 'timeout' | 'denied' | 'closed';

export class AuthorizationError extends Error {
  constructor(
    readonly reason: AuthorizationFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AuthorizationError';
  }
}

export interface LoopbackOptions {
  readonly state: string;
  /** How long the seller has to finish in the browser. */
  readonly timeoutMs: number;
  /** Shown in the browser once the code arrived. */
  readonly pageText?: string;
  /** Shown when the seller refused (Lazada redirected with `error`). */
  readonly deniedText?: string;
  /**
   * A fixed port, for a redirect address registered with the marketplace (Lazada's app
   * console names one callback address); 0 or absent lets the OS pick.
   */
  readonly port?: number;
}

export interface LoopbackReceiver {
  readonly redirectUri: string;
  /** The authorization code; rejects with an `AuthorizationError`. */
  readonly code: Promise<string>;
  /** Stops listening (rejecting `code` with "closed" if it is still waiting). */
  close(): Promise<void>;
}

export const DEFAULT_PAGE_TEXT = 'Akar sudah menerima izin; kembali ke Akar.';
export const DEFAULT_DENIED_TEXT = 'Izin tidak diberikan; kembali ke Akar.';

export async function startLoopbackReceiver(options: LoopbackOptions): Promise<LoopbackReceiver> {
  let resolveCode: (code: string) => void = () => undefined;
  let rejectCode: (error: AuthorizationError) => void = () => undefined;
  const code = new Promise<string>((resolve, reject) => {
    resolveCode = resolve;
    rejectCode = reject;
  });
  // A caller that closes without awaiting must not produce an unhandled rejection.
  code.catch(() => undefined);

  let settled = false;
  const server = createServer((request, response) => handle(request, response));
  const closed = new Promise<void>((resolve) => server.once('close', resolve));

  const settle = (outcome: () => void): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    outcome();
    server.close();
    server.closeIdleConnections();
    // A browser's speculative second connection must not keep the port open.
    setTimeout(() => server.closeAllConnections(), 250).unref();
  };

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET') return reply(response, 405, 'Method not allowed');
    if (url.pathname !== '/callback') return reply(response, 404, 'Not found');
    if (settled) return reply(response, 410, 'Gone');
    if (!sameText(url.searchParams.get('state') ?? '', options.state)) {
      return reply(response, 400, 'State does not match');
    }
    const error = url.searchParams.get('error');
    if (error !== null) {
      reply(response, 200, options.deniedText ?? DEFAULT_DENIED_TEXT);
      return settle(() =>
        rejectCode(new AuthorizationError('denied', `authorization refused: ${error.slice(0, 200)}`)),
      );
    }
    const received = url.searchParams.get('code');
    if (received === null || received === '') return reply(response, 400, 'No code');
    reply(response, 200, options.pageText ?? DEFAULT_PAGE_TEXT);
    settle(() => resolveCode(received));
  };

  const timer = setTimeout(() => {
    settle(() =>
      rejectCode(
        new AuthorizationError('timeout', `no authorization within ${Math.round(options.timeoutMs / 1000)} s`),
      ),
    );
  }, options.timeoutMs);

  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error): void => {
      clearTimeout(timer);
      reject(error);
    };
    server.once('error', failed);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', failed);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') {
    clearTimeout(timer);
    server.close();
    throw new Error('loopback receiver has no port');
  }

  return {
    redirectUri: `http://127.0.0.1:${address.port}/callback`,
    code,
    close: async () => {
      settle(() => rejectCode(new AuthorizationError('closed', 'authorization was cancelled')));
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

function reply(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  response.end(text);
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
