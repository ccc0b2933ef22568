import type { Core } from '../electron/core';
import { createHandlers, dispatch } from '../electron/main/handlers';
import type { Channel } from '../electron/shared/contract';
import { cancellingShell } from '../tests/support/shell';

/**
 * Calls a channel the way the renderer does, minus Electron: main's handler table and
 * `dispatch` (contract validation, then the core). A refusal is a bug in the benchmark, so
 * it throws. No dialog ever opens.
 */
export function ipcCaller(core: Core): (channel: Channel, input: unknown) => Promise<unknown> {
  const handlers = createHandlers(core, cancellingShell().shell);
  return async (channel, input) => {
    const result = await dispatch(handlers, channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };
}
