import type { Core } from '../../core';
import type { Result } from '../../shared/result';
import { wholeNumber, outcome, type Command } from '../run';

/** `akar <thing> <verb> ID`: one core call on one id, answered with one translated line. */
export function byIdCommand<T extends { id: number; name: string }>(
  call: (core: Core, input: { id: unknown }) => Promise<Result<T>>,
  messageKey: string,
): Command {
  return {
    options: [],
    async run({ core, args, t }) {
      const result = await call(core, { id: wholeNumber(args[0]) });
      return outcome(result, (value) => t(messageKey, { id: value.id, name: value.name }));
    },
  };
}
