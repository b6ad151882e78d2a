import { describe, expect, it } from 'vitest';
import { legacyText, msg } from '../../src-shared';
import { en } from '../../src-shared/messages/en';
import { legacyKeys, messageOf } from './legacy-messages';

const paperOut = msg('printer.faults', { faults: [msg('printer.fault.paper-out')] });

describe('the sentences schema 4 stored, read as messages', () => {
  it('maps only to keys the catalogue has', () => {
    const missing = legacyKeys.filter((key) => !Object.hasOwn(en, key));
    expect(missing).toEqual([]);
  });

  it.each([
    ['Printing on Zebra packing 1', msg('scan.step.printing', { printer: 'Zebra packing 1' })],
    [
      'Printing on the label printer',
      msg('scan.step.printing', { printer: msg('scan.printer.unnamed') }),
    ],
    [
      'Order PD-7 already has a label (3S123). Scan the tracking number to reprint it.',
      msg('scan.error.alreadyLabelled', { order: 'PD-7', tracking: '3S123' }),
    ],
    [
      'Label for PD-7 waited 12 min. Print it now?',
      msg('job.stale', { order: 'PD-7', minutes: 12 }),
    ],
    [
      'Sendcloud had an error (no status).',
      msg('sendcloud.serverError', { status: msg('sendcloud.noStatus') }),
    ],
    [
      "Sent to Bolt's Sendcloud account (Bolt NL): no label here.",
      msg('account.merchant.handedOver', { merchant: 'Bolt', account: 'Bolt NL' }),
    ],
    [
      'Paper out on Zebra: the label is in the printer and comes out once this is fixed.',
      msg('printer.faultAfterTaking', { faults: paperOut, printer: 'Zebra' }),
    ],
    [
      'Paper out, print head open (the OS queue is not accepting jobs) on Q: nothing was sent; the label prints once this is fixed.',
      msg('printer.faultBeforeSending', {
        faults: msg('printer.status.queueRejecting', {
          faults: msg('printer.faults', {
            faults: [msg('printer.fault.paper-out'), msg('printer.fault.head-open')],
          }),
        }),
        printer: 'Q',
      }),
    ],
    [
      'Waiting for the printer: Zebra: Unreachable: ECONNREFUSED at tcp://10.0.0.7:9100',
      msg('job.waiting.printer', {
        problem: msg('printer.notReachable', {
          printer: 'Zebra',
          status: msg('printer.status.unreachable', {
            reason: msg('printer.net.codeAt', {
              code: 'ECONNREFUSED',
              address: 'tcp://10.0.0.7:9100',
            }),
          }),
        }),
      }),
    ],
    [
      'The OS queue "ZEBRA" is not accepting jobs. Enable it in the OS printer settings (cupsaccept ZEBRA).',
      msg('printer.queue.rejecting', { queue: 'ZEBRA' }),
    ],
    [
      'No OS print service found: nothing answered at http://127.0.0.1:631 (ECONNREFUSED). Is CUPS running?',
      msg('printer.spooler.notFound', {
        problem: msg('printer.spooler.nothingAnswered', {
          server: 'http://127.0.0.1:631',
          reason: 'ECONNREFUSED',
        }),
      }),
    ],
    [
      'Order sync failed: Sendcloud cannot be reached. Check the internet connection.',
      msg('job.waiting.syncFailed', { problem: msg('sendcloud.unreachable') }),
    ],
    [
      'Makers cannot reach Sendcloud: Sendcloud refused its keys (changed or revoked): reconnect with new keys. The label waits.',
      msg('scan.waiting.accountUnusable', {
        account: 'Makers',
        reason: msg('account.state.keysRefused'),
      }),
    ],
    [
      'Marketplace cannot reach Sendcloud: The OS keychain is locked: unlock it (log in to the desktop session) and try again. The label waits.',
      msg('scan.waiting.accountUnusable', {
        account: 'Marketplace',
        reason: msg('account.keychain.locked', { keychain: msg('account.keychain.os') }),
      }),
    ],
    [
      'The Windows Credential Manager refused the request (The parameter is incorrect.): try again, or ask your administrator.',
      msg('account.keychain.refused.detail', {
        keychain: msg('account.keychain.windows'),
        detail: 'The parameter is incorrect.',
      }),
    ],
    [
      'This label is 203 dpi ZPL but the printer is 300 dpi: printed from a re-rendered image at the right size.',
      msg('printer.warning.dpiMismatch', { labelDpi: 203, printerDpi: 300 }),
    ],
  ])('%s', (text, message) => {
    expect(messageOf(text)).toEqual(message);
  });

  it('keeps a sentence it does not know, and a "x: y" that is no printer status, as text', () => {
    expect(messageOf('Something an old build said.')).toEqual(
      legacyText('Something an old build said.'),
    );
    expect(messageOf('Zebra: out to lunch')).toEqual(legacyText('Zebra: out to lunch'));
    // A repeated value must be the same value: a queue named twice is one queue.
    const mixed =
      'The OS queue "A" is not accepting jobs. Enable it in the OS printer settings (cupsaccept B).';
    expect(messageOf(mixed)).toEqual(legacyText(mixed));
  });
});
