// The batch.* commands of the contract.
import type { CommandHandlers } from '../host/dispatch';
import type { Batches } from './batches';

type BatchCommand = Extract<keyof CommandHandlers, `batch.${string}`>;

export function batchCommands(batches: Batches): Pick<CommandHandlers, BatchCommand> {
  return {
    'batch.openOrders': async (input) => batches.listOpen(input),
    'batch.scan': async ({ code }) => batches.scan(code),
    'batch.start': async (input) => batches.start(input),
    'batch.list': async () => batches.list(),
    'batch.details': async ({ id }) => batches.details(id),
    'batch.pause': async ({ id }) => batches.pause(id),
    'batch.resume': async ({ id }) => batches.resume(id),
    'batch.cancel': async ({ id }) => batches.cancel(id),
    'batch.retryOrder': async ({ id, orderRef }) => batches.retryOrder(id, orderRef),
    'batch.leaveOut': async ({ id, orderRef }) => batches.leaveOut(id, orderRef),
    'batch.reprint': async ({ id, printerId }) => batches.reprint(id, printerId),
    'batch.pdf': async ({ id, layout }) => batches.pdf(id, layout),
  };
}
