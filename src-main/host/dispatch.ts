import {
  isCommandName,
  msg,
  parseInput,
  type CommandName,
  type CommandOutput,
  type ParsedInput,
  type Result,
} from '../../src-shared';
import { toErrorData } from '../errors';
import { createLogger } from '../log';

/** What a transport needs from the station: one handler per command of the contract. */
export type CommandHandlers = {
  [C in CommandName]: (input: ParsedInput<C>) => Promise<CommandOutput<C>>;
};

const log = createLogger('host');

/**
 * The one path from a transport into the station: check the command exists, validate its
 * input with the contract's schema, run it, and return errors as `{ code, key, params }` data.
 */
export async function dispatch(
  handlers: CommandHandlers,
  name: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isCommandName(name)) {
    return {
      ok: false,
      error: { code: 'unknown-command', ...msg('error.unknownCommand', { command: name }) },
    };
  }
  const input = parseInput(name, rawInput);
  if (!input.ok) return input;
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(input.value) };
  } catch (error) {
    const data = toErrorData(error);
    if (data.code === 'internal') log.error('command failed', { command: name, error });
    return { ok: false, error: data };
  }
}
