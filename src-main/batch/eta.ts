// How long a batch still takes, from Sendcloud's write budget for the requests it still needs
// and from how long labels and chunks took so far in this batch.
import { ORDERS_PER_REQUEST } from './batch-runner';

/** Sendcloud's documented write budget per account. */
const WRITES_PER_MINUTE = 100;
const WRITES_PER_SECOND = 15;
/** Before the batch has waited for a label: what Sendcloud's async labels usually take. */
const FIRST_LABEL_WAIT_MS = 3_000;
/** Before the first chunk printed: a label a second is a slow printer's pace. */
const FIRST_LABEL_PRINT_MS = 1_000;

/** When the `writes`-th write can go at the earliest, from a budget nobody else uses. */
export function writeScheduleMs(writes: number): number {
  if (writes <= 0) return 0;
  const minutes = Math.floor((writes - 1) / WRITES_PER_MINUTE);
  const inLast = ((writes - 1) % WRITES_PER_MINUTE) + 1;
  return minutes * 60_000 + Math.floor((inLast - 1) / WRITES_PER_SECOND) * 1_000;
}

export interface EtaInput {
  /** Orders not asked for yet (pending or sent without an answer). */
  toAsk: number;
  /** Orders whose labels are not here yet (including toAsk). */
  toFetch: number;
  /** Labels still to print. */
  toPrint: number;
  labelWaitMs: number;
  labelsWaited: number;
  printMs: number;
  chunksPrinted: number;
  labelsPrinted: number;
}

/** Milliseconds left, or null when nothing is left. */
export function batchEtaMs(input: EtaInput): number | null {
  if (input.toFetch === 0 && input.toPrint === 0) return null;
  const writes = Math.ceil(input.toAsk / ORDERS_PER_REQUEST);
  const wait =
    input.toFetch === 0
      ? 0
      : input.labelsWaited > 0
        ? input.labelWaitMs / input.labelsWaited
        : FIRST_LABEL_WAIT_MS;
  const perLabel =
    input.labelsPrinted > 0 && input.chunksPrinted > 0
      ? input.printMs / input.labelsPrinted
      : FIRST_LABEL_PRINT_MS;
  return Math.round(writeScheduleMs(writes) + wait + input.toPrint * perLabel);
}
