import { randomBytes } from 'node:crypto';
import { CoreError } from '../errors';
import type { JobControl } from '../jobs/jobs';
import type { LazadaEndpoints } from '../marketplace/lazada/endpoints';
import { AuthorizationError, startLoopbackReceiver, type LoopbackReceiver } from '../marketplace/lazada/oauth-loopback';
import { authorizeUrl, parsePastedCode } from '../marketplace/lazada/oauth';
import type { Connection } from '../../shared/uploads';

/**
 * Signing a participant's Lazada shop in from the app: the OAuth code flow with a loopback
 * redirect (RFC 8252 §7.3). `begin` starts a one-shot listener on 127.0.0.1 and gives the
 * authorize address for main to open in the system browser; `finish` waits for the code —
 * from the redirect, or pasted by the seller when the browser could not come back (another
 * laptop's browser, a firewall) — and connects the shop with it.
 *
 * The port is fixed by default because Lazada's app console registers one callback
 * address, which must match the `redirect_uri` exactly. One sign-in at a time: a new one
 * closes the one before (the seller pressed the button again).
 */

/** The callback address to register in Lazada's app console: http://127.0.0.1:47213/callback. */
export const LAZADA_REDIRECT_PORT = 47_213;
/** Lazada's codes live 30 minutes (marketplaces.md §1.1); nobody waits longer than that. */
export const SIGN_IN_TIMEOUT_MS = 30 * 60_000;
/** How often a waiting sign-in looks for "Batal". */
const CANCEL_POLL_MS = 200;

export interface SignInDeps {
  /** The app key set up on this laptop, or null (the trainer has not entered it yet). */
  readonly appKey: () => string | null;
  readonly endpoints: LazadaEndpoints;
  readonly port: number;
  /** Words for the browser tab once it is done, in the app's language. */
  readonly pageText: () => { readonly done: string; readonly denied: string };
  /** Exchanges the code and stores the shop, unless `wanted` says no by then. */
  readonly connect: (
    sellerId: number,
    appKey: string,
    code: string,
    redirectUri: string,
    wanted?: () => boolean,
  ) => Promise<Connection>;
}

interface Flow {
  readonly id: string;
  readonly sellerId: number;
  readonly appKey: string;
  readonly state: string;
  readonly receiver: LoopbackReceiver;
  /** Resolves with a code from the redirect or from `paste`, whichever comes first. */
  readonly code: Promise<string>;
  readonly paste: (code: string) => void;
}

export class LazadaSignIn {
  private flow: Flow | null = null;

  constructor(private readonly deps: SignInDeps) {}

  /** The callback address this laptop's app must have registered with Lazada. */
  redirectUri(): string {
    return `http://127.0.0.1:${this.deps.port}/callback`;
  }

  async begin(sellerId: number): Promise<{ flowId: string; url: string }> {
    const appKey = this.deps.appKey();
    if (appKey === null) {
      throw new CoreError({ code: 'app_not_set_up', message: 'no Lazada app key is set up on this laptop' });
    }
    await this.close();
    const state = randomBytes(16).toString('hex');
    const words = this.deps.pageText();
    let receiver: LoopbackReceiver;
    try {
      receiver = await startLoopbackReceiver({
        state,
        timeoutMs: SIGN_IN_TIMEOUT_MS,
        port: this.deps.port,
        pageText: words.done,
        deniedText: words.denied,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw signInFailed('port_busy');
      throw error;
    }
    let paste: (code: string) => void = () => undefined;
    const pasted = new Promise<string>((resolve) => (paste = resolve));
    const flow: Flow = {
      id: randomBytes(8).toString('hex'),
      sellerId,
      appKey,
      state,
      receiver,
      code: Promise.race([receiver.code, pasted]),
      paste,
    };
    // Nobody may be waiting yet; a refusal must not surface as an unhandled rejection.
    flow.code.catch(() => undefined);
    this.flow = flow;
    const url = authorizeUrl({
      authorize: this.deps.endpoints.authorize,
      appKey,
      redirectUri: receiver.redirectUri,
      state,
    });
    return { flowId: flow.id, url };
  }

  /**
   * Waits for the seller to grant access, then connects the shop. "Batal" stops the wait,
   * and also a token exchange already on its way: the shop is then not connected.
   */
  async finish(flowId: string, job: JobControl): Promise<Connection> {
    const flow = this.flow;
    if (flow === null || flow.id !== flowId) throw signInFailed('closed');
    let timer: NodeJS.Timeout | undefined;
    const cancelled = new Promise<never>((_resolve, reject) => {
      timer = setInterval(() => {
        if (job.cancelled()) reject(new CoreError({ code: 'cancelled', message: 'sign-in cancelled' }));
      }, CANCEL_POLL_MS);
    });
    try {
      const code = await Promise.race([flow.code, cancelled]).catch((error: unknown) => {
        if (error instanceof AuthorizationError) throw signInFailed(error.reason);
        throw error;
      });
      return await this.deps.connect(
        flow.sellerId,
        flow.appKey,
        code,
        flow.receiver.redirectUri,
        () => !job.cancelled(),
      );
    } finally {
      clearInterval(timer);
      if (this.flow === flow) await this.close();
    }
  }

  /**
   * A code the seller pasted (the code itself, or the whole address the browser ended on).
   * While a sign-in for this seller waits, it goes to that sign-in; otherwise it connects
   * directly (the app was restarted in between: the code is still good for 30 minutes).
   * Answers null when a waiting sign-in took it (that sign-in's `finish` answers with the
   * connection), the connection otherwise.
   */
  async paste(sellerId: number, text: string): Promise<Connection | null> {
    const code = parsePastedCode(text);
    if (code === null) throw signInFailed('bad_code');
    const flow = this.flow;
    if (flow !== null && flow.sellerId === sellerId) {
      // An address from an older sign-in (the browser's history on a shared laptop) carries
      // another state: it may be another participant's shop, so it is refused.
      const state = stateOf(text);
      if (state !== null && state !== flow.state) throw signInFailed('bad_code');
      flow.paste(code);
      return null;
    }
    const appKey = this.deps.appKey();
    if (appKey === null) {
      throw new CoreError({ code: 'app_not_set_up', message: 'no Lazada app key is set up on this laptop' });
    }
    return this.deps.connect(sellerId, appKey, code, this.redirectUri());
  }

  /** Stops a waiting sign-in; null when none waits (so an idle core closes synchronously). */
  close(): Promise<void> | null {
    const flow = this.flow;
    this.flow = null;
    return flow ? flow.receiver.close() : null;
  }
}

export type SignInFailure = 'timeout' | 'denied' | 'closed' | 'port_busy' | 'bad_code' | 'no_browser';

/** The `state` of a pasted address, or null when the text is a bare code. */
function stateOf(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed.includes('?')) return null;
  return new URLSearchParams(trimmed.slice(trimmed.indexOf('?') + 1).split('#')[0]).get('state');
}

function signInFailed(reason: SignInFailure): CoreError {
  return new CoreError({
    code: 'sign_in_failed',
    message: `Lazada sign-in did not finish: ${reason}`,
    params: { reason },
  });
}
