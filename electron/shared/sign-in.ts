import { z } from 'zod';
import { idSchema } from './catalogue';
import { jobIdSchema } from './jobs';

/**
 * Connecting a real Lazada shop from the app. The trainer enters the laptop's Lazada app
 * key and secret once (from Lazada Open Platform's app console); each participant then signs
 * their own shop in through Lazada's page in the system browser.
 */

export const lazadaAppInput = z.strictObject({
  /** Lazada's app keys are digits; letters, `-` and `_` are allowed for other consoles. */
  appKey: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
  appSecret: z.string().trim().min(1).max(200),
});
export type LazadaAppInput = z.infer<typeof lazadaAppInput>;

export interface LazadaApp {
  /** The app key entered on this laptop, or null. */
  readonly appKey: string | null;
  /** True when both the key and its secret are kept here, so a shop can be signed in. */
  readonly ready: boolean;
  /** The callback address to register in Lazada's app console. */
  readonly redirectUri: string;
  /**
   * False when this computer keeps sign-ins without the operating system's key store (Linux
   * without a keyring, or the CLI's file): the screen says so.
   */
  readonly secretsLockedByOs: boolean;
}

/** Signs a participant's shop in; a long job (`jobs:cancel` stops the wait). */
export const signInInput = z.strictObject({ sellerId: idSchema, jobId: jobIdSchema });

/** What the seller pasted: the code, or the whole address the browser ended on. */
export const signInCodeInput = z.strictObject({
  sellerId: idSchema,
  text: z.string().trim().min(1).max(2000),
});

/** Core-level: the sign-in `beginSignIn` started, to wait for. */
export const signInFinishInput = z.strictObject({ flowId: z.string().regex(/^[0-9a-f]{16}$/), jobId: jobIdSchema });

export interface SignInStart {
  readonly flowId: string;
  /** Lazada's authorize page (main opens it in the system browser). */
  readonly url: string;
}
