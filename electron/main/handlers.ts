import type { Core } from '../core';
import { unknownChannelError } from '../shared/channels';
import { contract, type Channel, type ChannelOutput, type IpcResult, type ParsedInput } from '../shared/contract';
import { INTERNAL_ERROR, type Result } from '../shared/result';
import { parseInput } from '../shared/validation';

/**
 * The handler table: one entry per contract channel. Typed as a mapped type over the
 * contract, so adding a channel without a handler (or the reverse) fails compilation.
 * Kept free of `electron` imports so the end-to-end tests bind exactly this table.
 */
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Promise<Result<ChannelOutput<C>>> };

export function createHandlers(core: Core): Handlers {
  return {
    'app:info': () => core.appInfo(),
    'settings:setLanguage': (input) => core.setLanguage(input),
    'sellers:list': (input) => core.sellers.list(input),
    'sellers:get': (input) => core.sellers.get(input),
    'sellers:create': (input) => core.sellers.create(input),
    'sellers:update': (input) => core.sellers.update(input),
    'sellers:delete': (input) => core.sellers.delete(input),
    'sellers:restore': (input) => core.sellers.restore(input),
    'products:list': (input) => core.products.list(input),
    'products:search': (input) => core.products.search(input),
    'products:get': (input) => core.products.get(input),
    'products:create': (input) => core.products.create(input),
    'products:update': (input) => core.products.update(input),
    'products:delete': (input) => core.products.delete(input),
    'products:restore': (input) => core.products.restore(input),
    'trash:list': (input) => core.trash(input),
  };
}

function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/**
 * Everything main does with one IPC message after the sender check: find the channel,
 * validate the input against the contract, call the handler, and always answer with a
 * Result (a thrown bug becomes `internal`, never a stack trace in the renderer).
 */
export async function dispatch(handlers: Handlers, channel: unknown, input: unknown): Promise<IpcResult<Channel>> {
  if (!isChannel(channel)) return { ok: false, error: unknownChannelError(channel) };
  // The core validates again: it is also driven by the CLI and tests, and the contract is
  // the renderer's boundary. Parsing twice costs microseconds; a gap would cost data.
  const parsed = parseInput(contract[channel].input, input);
  if (!parsed.ok) return parsed;
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<IpcResult<Channel>>;
    return await handler(parsed.value);
  } catch (error) {
    console.error(`IPC handler ${channel} failed`, error);
    return { ok: false, error: INTERNAL_ERROR };
  }
}
