import type { AkarApi } from '../../../electron/shared/contract';

declare global {
  interface Window {
    /** Provided by the preload (or, in end-to-end tests, by the test bridge). */
    readonly api: AkarApi;
  }
}

export const api: AkarApi = window.api;
