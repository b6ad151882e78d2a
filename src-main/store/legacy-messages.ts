// The sentences Packdesk stored before messages were keys (schema 4 and earlier), read back as
// messages for migration 5. Frozen like the migration that uses it: these are the words that
// code wrote, mapped to the keys that replaced them. Never edit an entry to follow a catalogue
// change; add one if an old sentence turns out to be missing.
import { legacyText, type Message, type MessageParam } from '../../src-shared';

/** How one parameter's text becomes a message parameter: kept as text by default. */
type ParamReader = (text: string) => MessageParam;

interface Pattern {
  /** The old sentence, with `{{name}}` where the code put a value. */
  was: string;
  key: string;
  /** Parameters that were themselves sentences, or that need a message of their own. */
  read?: Record<string, ParamReader>;
  /** Fixed parameters the new key takes that the old sentence did not carry. */
  extra?: Record<string, MessageParam>;
}

const said = (key: string, params: Record<string, MessageParam> = {}): Message =>
  ({ key, params }) as Message;

const faultWords: Record<string, string> = {
  'paper out': 'paper-out',
  'print head open': 'head-open',
  'ribbon out': 'ribbon-out',
  paused: 'paused',
  'receive buffer full': 'buffer-full',
  'print head too hot': 'head-too-hot',
  'printer error': 'other',
};

/** "Paper out, print head open" (describeFaults) as the fault list message. */
function readFaults(text: string): MessageParam {
  const rejecting = /^(.*) \(the OS queue is not accepting jobs\)$/.exec(text);
  if (rejecting?.[1])
    return said('printer.status.queueRejecting', { faults: readFaults(rejecting[1]) });
  const windows = /^(.*) \(Windows says "(.*)"\)$/.exec(text);
  if (windows?.[1] !== undefined && windows[2] !== undefined) {
    return said('printer.status.windowsSays', {
      faults: readFaults(windows[1]),
      status: windows[2],
    });
  }
  const note = /^(.*?) \((.*)\)$/.exec(text);
  if (note?.[1] && note[2] !== undefined && faultList(note[1])) {
    return said('printer.status.withNote', { faults: readFaults(note[1]), note: note[2] });
  }
  if (text === 'Ready') return said('printer.ready');
  const list = faultList(text);
  return list ? said('printer.faults', { faults: list }) : legacyText(text);
}

function faultList(text: string): Message[] | null {
  const faults = text.split(', ').map((word) => faultWords[word.toLowerCase()]);
  if (faults.some((fault) => fault === undefined)) return null;
  return faults.map((fault) => said(`printer.fault.${fault}`));
}

/** A printer's status line, as `${name}: ${status.message}` carried it. */
function readStatus(text: string): MessageParam {
  const unreachable = /^Unreachable: (.*)$/.exec(text);
  if (unreachable?.[1] !== undefined) {
    return said('printer.status.unreachable', { reason: readReason(unreachable[1]) });
  }
  const unavailable = /^Unavailable: (.*)$/.exec(text);
  if (unavailable?.[1] !== undefined) {
    return said('printer.status.unavailable', { reason: messageOf(unavailable[1]) });
  }
  return messageOf(text);
}

/** The short reason of a status line: a network code, or a sentence of its own. */
function readReason(text: string): MessageParam {
  // A network printer's "ECONNREFUSED at tcp://10.0.0.7:9100".
  const codeAt = /^(\S+) at (\S+:\/\/\S+)$/.exec(text);
  if (codeAt?.[1] && codeAt[2])
    return said('printer.net.codeAt', { code: codeAt[1], address: codeAt[2] });
  const message = messageOf(text);
  return message.key === 'legacy.text' ? text : message;
}

const printerName = (text: string): MessageParam =>
  text === 'the label printer' ? said('scan.printer.unnamed') : text;
const accountName = (text: string): MessageParam =>
  text === 'Its account' ? said('scan.waiting.accountUnnamed') : text;
const status = (text: string): MessageParam =>
  text === 'no status'
    ? said('sendcloud.noStatus')
    : Number.isNaN(Number(text))
      ? text
      : Number(text);
const number = (text: string): MessageParam => (Number.isNaN(Number(text)) ? text : Number(text));
const sentence = (text: string): MessageParam => messageOf(text);
const keychains: Record<string, string> = {
  'OS keychain': 'account.keychain.os',
  'macOS Keychain': 'account.keychain.mac',
  'Windows Credential Manager': 'account.keychain.windows',
};
const keychainName = (text: string): MessageParam => {
  const key = keychains[text];
  return key ? said(key) : text;
};

// Most specific first: the first pattern that matches the whole text wins.
const patterns: Pattern[] = [
  // shipping/scan.ts: a scan's steps, why it waits, what stops it.
  { was: 'Looking up the scan', key: 'scan.step.lookingUp' },
  { was: 'Asking Sendcloud for the order', key: 'scan.step.askingSendcloud' },
  { was: 'Creating the label with Sendcloud', key: 'scan.step.creatingLabel' },
  {
    was: 'Checking Sendcloud for a label an earlier try made',
    key: 'scan.step.checkingEarlierTry',
  },
  { was: 'Printing on {{printer}}', key: 'scan.step.printing', read: { printer: printerName } },
  { was: 'Queued', key: 'scan.step.queued' },
  { was: 'Waiting for a go-ahead', key: 'scan.step.waitingGoAhead' },
  { was: 'Failed', key: 'scan.step.failed' },
  { was: 'Printed', key: 'scan.step.printed' },
  { was: 'Reprinted', key: 'scan.step.reprinted' },
  { was: 'Cancelled', key: 'scan.step.cancelled' },
  {
    was: 'Sendcloud is unreachable: queued, it prints when the connection is back.',
    key: 'scan.waiting.offline',
  },
  { was: 'In the queue behind earlier scans.', key: 'scan.waiting.behindEarlier' },
  {
    was: '{{account}} cannot reach Sendcloud: {{reason}} The label waits.',
    key: 'scan.waiting.accountUnusable',
    read: { account: accountName, reason: sentence },
  },
  { was: 'Cancelled from the queue: nothing was printed.', key: 'scan.error.cancelled' },
  {
    was: 'Order {{order}} already has a label ({{tracking}}). Scan the tracking number to reprint it.',
    key: 'scan.error.alreadyLabelled',
  },

  // outbox: why a job waits.
  { was: 'Cancelled by a packer.', key: 'job.cancelled' },
  {
    was: 'The station stopped during this job; it checks Sendcloud before trying again.',
    key: 'job.recovered',
  },
  { was: 'Held for the batch print.', key: 'job.held' },
  { was: 'The station hit an error on this job. Retry, or cancel it.', key: 'job.internal' },
  { was: 'The station hit an error on this job.', key: 'job.error.internal' },
  {
    was: 'Waiting for the printer: {{problem}}',
    key: 'job.waiting.printer',
    read: { problem: sentence },
  },
  {
    was: 'Sendcloud refused the API keys: waiting for a reconnect.',
    key: 'job.waiting.keysRefused',
  },
  {
    was: 'Sendcloud refused the keys of {{account}}: waiting for a reconnect (Accounts).',
    key: 'job.waiting.accountKeys',
  },
  { was: 'Sendcloud asked to slow down: trying again shortly.', key: 'job.waiting.slowDown' },
  {
    was: 'Sendcloud is having trouble: trying again shortly.',
    key: 'job.waiting.sendcloudTrouble',
  },
  {
    was: 'Order sync failed: {{problem}}',
    key: 'job.waiting.syncFailed',
    read: { problem: sentence },
  },
  {
    was: 'Order {{order}} is already being labelled by another scan; cancel this one.',
    key: 'job.labellingElsewhere',
  },
  { was: 'Another scan is labelling this order.', key: 'job.error.labellingElsewhere' },
  {
    was: 'The label for this job is missing; cancel it and scan the order again.',
    key: 'job.labelMissing',
  },
  { was: 'The label for this job is missing.', key: 'job.error.labelMissing' },
  {
    was: 'Label for {{order}} waited {{minutes}} min. Print it now?',
    key: 'job.stale',
    read: { minutes: number },
  },
  { was: 'Scanned {{minutes}} min ago.', key: 'job.error.stale', read: { minutes: number } },
  {
    was: 'No label printer is set up: add one under Printers; the label waits.',
    key: 'job.noPrinter',
  },
  { was: 'No label printer is set up.', key: 'job.error.noPrinter' },

  // Sendcloud failures (describeSendcloudError).
  {
    was: 'Sendcloud refused the API keys. Check the public and secret key.',
    key: 'sendcloud.keysRefused',
  },
  { was: 'Sendcloud does not know this order: {{detail}}.', key: 'sendcloud.orderUnknown.detail' },
  { was: 'Sendcloud does not know this order.', key: 'sendcloud.orderUnknown' },
  {
    was: 'Sendcloud could not find what was asked for: {{detail}}.',
    key: 'sendcloud.notFound.detail',
  },
  { was: 'Sendcloud could not find what was asked for.', key: 'sendcloud.notFound' },
  { was: 'Sendcloud is limiting requests for this account.', key: 'sendcloud.rateLimited' },
  { was: 'Sendcloud did not answer in time.', key: 'sendcloud.timeout' },
  {
    was: 'Sendcloud cannot be reached. Check the internet connection.',
    key: 'sendcloud.unreachable',
  },
  { was: 'Sendcloud rejected the request: {{detail}}.', key: 'sendcloud.refused.detail' },
  { was: 'Sendcloud rejected the request.', key: 'sendcloud.refused' },
  {
    was: 'Sendcloud had an error ({{status}}): {{detail}}.',
    key: 'sendcloud.serverError.detail',
    read: { status },
  },
  { was: 'Sendcloud had an error ({{status}}).', key: 'sendcloud.serverError', read: { status } },
  { was: 'This Sendcloud account has no integrations.', key: 'sendcloud.noIntegrations' },
  {
    was: 'Sendcloud has no integration {{id}}.',
    key: 'sendcloud.noIntegration',
    read: { id: number },
  },

  // Orders, merchants and accounts.
  {
    was: 'No open order matches "{{code}}". Check the order number, or sync orders.',
    key: 'error.orderNotFound',
  },
  { was: 'Order {{order}} is not cached.', key: 'error.orderNotCached' },
  {
    was: 'Merchant {{merchant}} ships decentralised but has no Sendcloud account set.',
    key: 'account.merchant.noAccount',
  },
  {
    was: "Sent to {{merchant}}'s Sendcloud account ({{account}}): no label here.",
    key: 'account.merchant.handedOver',
  },
  { was: 'Reading its keys from the OS keychain…', key: 'account.state.readingKeys' },
  {
    was: 'Sendcloud refused the keys from PACKDESK_SENDCLOUD_*: set new ones and restart.',
    key: 'account.state.envKeysRefused',
  },
  {
    was: 'Sendcloud refused its keys (changed or revoked): reconnect with new keys.',
    key: 'account.state.keysRefused',
  },
  {
    was: 'Its keys are not in this computer’s keychain: enter them again.',
    key: 'account.state.keysMissing',
  },
  {
    was: 'Sendcloud did not accept these keys. Copy them again from Settings → Integrations in the Sendcloud panel.',
    key: 'account.keysNotAccepted',
  },

  // The OS keychain (accounts/keychain.ts), as an account's reason for waiting.
  {
    was: 'The macOS Keychain is locked or did not allow Packdesk: unlock the login keychain (Keychain Access), allow Packdesk when asked, and try again.',
    key: 'account.keychain.lockedMac',
  },
  {
    was: 'The {{keychain}} is locked: unlock it (answer its unlock prompt, or log in to the desktop session) and try again. It gave no answer within {{seconds}} s.',
    key: 'account.keychain.noAnswer',
    read: { keychain: keychainName, seconds: number },
  },
  {
    was: 'The {{keychain}} is locked: unlock it (log in to the desktop session) and try again.',
    key: 'account.keychain.locked',
    read: { keychain: keychainName },
  },
  {
    was: 'Windows Credential Manager cannot be used in this logon session: run Packdesk from a normal desktop login (not as a service) and try again.',
    key: 'account.keychain.noSessionWindows',
  },
  {
    was: 'The macOS Keychain cannot be reached: run Packdesk from a logged-in desktop session and try again.',
    key: 'account.keychain.noSessionMac',
  },
  {
    was: 'No OS keychain is running (Secret Service, e.g. GNOME Keyring or KWallet): start one in the desktop session (log in to the desktop, not over SSH or as a service) and try again.',
    key: 'account.keychain.noService',
  },
  {
    was: 'The macOS Keychain has no default keychain: set one in Keychain Access and try again.',
    key: 'account.keychain.noDefaultMac',
  },
  {
    was: 'The {{keychain}} has no default keyring to keep keys in: create one (e.g. in Passwords and Keys, or by logging in to the desktop session) and try again.',
    key: 'account.keychain.noKeyring',
    read: { keychain: keychainName },
  },
  {
    was: 'The OS keychain library (libsecret) could not be loaded: install it (Debian/Ubuntu: libsecret-1-0) and restart Packdesk.',
    key: 'account.keychain.noLibsecret',
  },
  {
    was: 'Packdesk could not load its {{keychain}} module: reinstall Packdesk.',
    key: 'account.keychain.noModule',
    read: { keychain: keychainName },
  },
  {
    was: 'The {{keychain}} refused the request ({{detail}}): try again, or ask your administrator.',
    key: 'account.keychain.refused.detail',
    read: { keychain: keychainName },
  },
  {
    was: 'The {{keychain}} refused the request: try again, or ask your administrator.',
    key: 'account.keychain.refused',
    read: { keychain: keychainName },
  },
  {
    was: "The keys kept in the {{keychain}} for account {{account}} are unreadable: enter the account's keys again.",
    key: 'account.keychain.unreadable',
    read: { keychain: keychainName },
  },

  // Labels and their formats.
  {
    was: 'Sendcloud returned a label that is neither ZPL nor PDF. Nothing was sent to the printer.',
    key: 'printer.label.unknownFormat',
  },
  { was: 'The label file is not ZPL: it has no ^XA start command.', key: 'printer.label.notZpl' },
  { was: 'The label is not a readable PDF file.', key: 'printer.label.notPdf' },
  {
    was: 'The label PDF has no page {{page}}.',
    key: 'printer.label.noPage',
    read: { page: number },
  },
  {
    was: 'Page {{page}} of the label PDF cannot be read.',
    key: 'printer.label.pageUnreadable',
    read: { page: number },
  },
  { was: 'The label PDF has no pages.', key: 'printer.label.noPages' },
  {
    was: 'This label is {{labelDpi}} dpi ZPL but the printer is {{printerDpi}} dpi: printed from a re-rendered image at the right size.',
    key: 'printer.warning.dpiMismatch',
    read: { labelDpi: number, printerDpi: number },
  },
  {
    was: 'This label is ZPL but the printer prints PDF: printed from an image of the label, scaled to fit A6.',
    key: 'printer.warning.zplOnPdfA6',
  },
  {
    was: 'This label is ZPL but the printer prints PDF: printed from an image of the label, scaled to fit a quarter of A4.',
    key: 'printer.warning.zplOnPdfA4',
  },

  // A label job and its printer (shipping/labels.ts, printing/registry.ts).
  {
    was: '{{printer}} took the label, then stopped answering: it prints when the printer is back.',
    key: 'printer.tookThenLost',
  },
  {
    was: '{{faults}} on {{printer}}: the label is in the printer and comes out once this is fixed.',
    key: 'printer.faultAfterTaking',
    read: { faults: readFaults },
  },
  {
    was: '{{faults}} on {{printer}}: nothing was sent; the label prints once this is fixed.',
    key: 'printer.faultBeforeSending',
    read: { faults: readFaults },
  },

  // Network printers (printing/tcp.ts).
  {
    was: 'The printer at {{address}} was closed by the station.',
    key: 'printer.net.closedByStation',
  },
  {
    was: 'The printer at {{address}} did not answer. Check that it is on and connected.',
    key: 'printer.net.noAnswer',
  },
  {
    was: 'The printer at {{address}} is unreachable ({{code}}). Check that it is on and connected.',
    key: 'printer.net.unreachable',
  },
  { was: 'The printer at {{address}} stopped taking data.', key: 'printer.net.stoppedTaking' },
  {
    was: 'The connection to the printer at {{address}} broke mid-job ({{code}}).',
    key: 'printer.net.brokeMidJob',
  },
  {
    was: '{{address}} did not answer within {{ms}} ms',
    key: 'printer.net.noAnswerWithin',
    read: { ms: number },
  },
  {
    was: 'no answer within {{seconds}} s',
    key: 'printer.net.noAnswerSeconds',
    read: { seconds: number },
  },

  // USB printers (printing/usb.ts).
  {
    was: 'The USB printer {{printer}} is not connected. Check the cable and power.',
    key: 'printer.usb.notConnected',
  },
  {
    was: 'The USB printer {{printer}} was unplugged mid-job; the label may be partly printed. Reconnect it and print the label again.',
    key: 'printer.usb.unpluggedMidJob',
  },
  {
    was: 'The USB printer {{printer}} stopped taking data. Check it for paper, a jam or an open head.',
    key: 'printer.usb.stoppedTaking',
  },
  {
    was: 'The USB printer {{printer}} refused the data (its USB endpoint stalled). Turn it off and on again.',
    key: 'printer.usb.stalled',
  },
  {
    was: 'The USB printer {{printer}} failed mid-transfer ({{detail}}).',
    key: 'printer.usb.failedMidTransfer',
  },
  { was: 'The USB printer {{printer}} did not answer {{command}}.', key: 'printer.usb.noAnswer' },
  {
    was: 'The USB printer {{printer}} is held by another driver or program (the OS print driver / CUPS usb backend). Use its OS print queue instead, or release it (close that program, or remove the printer from the OS) and try again.',
    key: 'printer.usb.busy',
  },
  {
    was: 'The USB printer {{printer}} is driven by the OS print driver, which the station cannot talk through. On Windows install the WinUSB driver for it with Zadig, or use its OS print queue instead.',
    key: 'printer.usb.driver',
  },
  {
    was: 'The USB printer {{printer}} could not be opened ({{detail}}).',
    key: 'printer.usb.cannotOpen',
  },
  {
    was: "USB printing is not available on this computer: the USB library did not load ({{detail}}). Print through the printer's OS print queue instead.",
    key: 'printer.usb.noLibrary',
  },
  { was: 'The station could not list USB devices ({{detail}}).', key: 'printer.usb.cannotList' },
  {
    was: 'The USB device {{printer}} is not a printer (it has no printer interface).',
    key: 'printer.usb.notPrinter',
  },
  {
    was: 'The USB printer {{printer}} has no endpoint to send print data to.',
    key: 'printer.usb.noEndpoint',
  },

  // The OS spooler (printing/cups.ts).
  {
    was: 'No OS print service found: {{problem}}. Is CUPS running?',
    key: 'printer.spooler.notFound',
    read: { problem: sentence },
  },
  {
    was: 'nothing answered at {{server}} ({{reason}})',
    key: 'printer.spooler.nothingAnswered',
    read: { reason: readReason },
  },
  {
    was: 'The OS print service at {{server}} refused the request (HTTP {{status}}).',
    key: 'printer.spooler.refused',
    read: { status: number },
  },
  {
    was: 'The OS print service at {{server}} sent an answer that is not IPP.',
    key: 'printer.spooler.notIpp',
  },
  {
    was: 'The OS print queue "{{queue}}" does not exist at {{server}}. Choose the printer again in setup.',
    key: 'printer.queue.missing',
  },
  {
    was: 'The OS print service refused to describe "{{queue}}" ({{status}}).',
    key: 'printer.queue.describeRefused',
  },
  { was: 'The printer "{{printer}}" was closed mid-job.', key: 'printer.closedMidJob' },
  { was: 'The printer "{{printer}}" is closed.', key: 'printer.closed' },
  {
    was: 'The OS queue "{{queue}}" cancelled the job ({{detail}}).',
    key: 'printer.queue.jobCancelled.detail',
  },
  { was: 'The OS queue "{{queue}}" cancelled the job.', key: 'printer.queue.jobCancelled' },
  {
    was: 'The OS queue "{{queue}}" aborted the job ({{detail}}).',
    key: 'printer.queue.jobAborted.detail',
  },
  { was: 'The OS queue "{{queue}}" aborted the job.', key: 'printer.queue.jobAborted' },
  {
    was: 'The job was still in the OS queue "{{queue}}" after {{seconds}} s, so it was cancelled. Check that the printer is on and connected, then print again.',
    key: 'printer.queue.stuck',
    read: { seconds: number },
  },
  {
    was: 'The job was still in the OS queue "{{queue}}" after {{seconds}} s ({{detail}}), so it was cancelled. Check that the printer is on and connected, then print again.',
    key: 'printer.queue.stuck.detail',
    read: { seconds: number },
  },
  {
    was: 'The OS queue "{{queue}}" is not accepting jobs. Enable it in the OS printer settings (cupsaccept {{queue}}).',
    key: 'printer.queue.rejecting',
  },
  {
    was: 'The OS queue "{{queue}}" is paused. Resume it in the OS printer settings (cupsenable {{queue}}).',
    key: 'printer.queue.paused',
  },
  {
    was: 'The OS queue "{{queue}}" is paused ({{detail}}). Resume it in the OS printer settings (cupsenable {{queue}}).',
    key: 'printer.queue.paused.detail',
  },
  {
    was: 'The OS print service stopped answering while taking the job for "{{queue}}" ({{reason}}). Check the OS queue before printing again.',
    key: 'printer.queue.stoppedAnswering',
    read: { reason: sentence },
  },
  { was: 'The OS queue "{{queue}}" is not accepting jobs.', key: 'printer.queue.notAccepting' },
  {
    was: 'The OS queue "{{queue}}" refused the job ({{status}}).',
    key: 'printer.queue.refusedJob',
  },
  { was: 'The OS queue "{{queue}}" gave the job no id.', key: 'printer.queue.noJobId' },

  // Windows print queues (printing/windows-spooler.ts).
  {
    was: 'Windows reports the printer offline. Check that it is on and connected.',
    key: 'printer.windows.reportsOffline',
  },
  {
    was: 'Windows PowerShell could not be started ({{code}}); Windows print queues work only on Windows.',
    key: 'printer.windows.noPowershell',
  },
  {
    was: 'The Windows spooler did not answer about "{{queue}}" within {{seconds}} s.',
    key: 'printer.windows.noAnswer',
    read: { seconds: number },
  },
  {
    was: 'The Windows print queue "{{queue}}" does not exist. Choose the printer again in setup.',
    key: 'printer.windows.noQueue',
  },
  {
    was: 'The Windows print spooler is not running ({{detail}}). Start the "Print Spooler" service.',
    key: 'printer.windows.spoolerDown.detail',
  },
  {
    was: 'The Windows print spooler is not running. Start the "Print Spooler" service.',
    key: 'printer.windows.spoolerDown',
  },
  {
    was: 'Windows refused the job for "{{queue}}": {{detail}}.',
    key: 'printer.windows.refused.detail',
  },
  { was: 'Windows refused the job for "{{queue}}".', key: 'printer.windows.refused' },
  {
    was: 'The job was still in the Windows queue "{{queue}}" after {{seconds}} s ({{detail}}), so it was cancelled. Check that the printer is on and connected, then print again.',
    key: 'printer.windows.stuck.detail',
    read: { seconds: number },
  },
  {
    was: 'The job was still in the Windows queue "{{queue}}" after {{seconds}} s, so it was cancelled. Check that the printer is on and connected, then print again.',
    key: 'printer.windows.stuck',
    read: { seconds: number },
  },
  {
    was: 'PowerShell failed while printing to "{{queue}}" (exit {{exit}}): {{detail}}.',
    key: 'printer.windows.powershellFailed',
  },
  {
    was: 'PowerShell failed while printing to "{{queue}}" (exit {{exit}}).',
    key: 'printer.windows.powershellFailed',
    extra: { detail: '-' },
  },
  {
    was: 'Printing PDFs to the Windows queue "{{queue}}" needs SumatraPDF, which is not installed. Install it from sumatrapdfreader.org, or use a printer whose driver takes PDF directly.',
    key: 'printer.windows.noSumatra',
  },
  {
    was: 'SumatraPDF could not print to "{{queue}}" ({{why}}).',
    key: 'printer.windows.sumatraFailed',
  },

  // A printer that is off, as `${name}: ${status.message}` (printing/registry.ts). Last: the
  // status must read as one, or any "x: y" sentence would match.
  {
    was: '{{printer}}: {{status}}',
    key: 'printer.notReachable',
    read: { status: readStatus },
  },
];

interface Compiled extends Pattern {
  regex: RegExp;
  names: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const compiled: Compiled[] = patterns.map((pattern) => {
  const names: string[] = [];
  const source = pattern.was
    .split(/(\{\{\w+\}\})/)
    .map((part) => {
      const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
      if (!name) return escape(part);
      // A value repeated in the sentence (the queue in "cupsaccept {{queue}}") must be the same.
      if (names.includes(name)) return `\\k<${name}>`;
      names.push(name);
      return `(?<${name}>.+?)`;
    })
    .join('');
  return { ...pattern, regex: new RegExp(`^${source}$`, 's'), names };
});

/** An old sentence as the message that replaced it, or its text kept as `legacy.text`. */
export function messageOf(text: string): Message {
  for (const pattern of compiled) {
    const match = pattern.regex.exec(text);
    if (!match?.groups) {
      if (match && pattern.names.length === 0) return said(pattern.key, pattern.extra ?? {});
      continue;
    }
    const params: Record<string, MessageParam> = { ...pattern.extra };
    for (const name of pattern.names) {
      const value = match.groups[name] ?? '';
      params[name] = pattern.read?.[name]?.(value) ?? value;
    }
    if (pattern.key === 'printer.notReachable' && !readsAsStatus(params.status)) continue;
    return said(pattern.key, params);
  }
  return legacyText(text);
}

const statusKeys = new Set(['printer.status.unreachable', 'printer.status.unavailable']);
function readsAsStatus(value: MessageParam | undefined): boolean {
  return (
    typeof value === 'object' && !Array.isArray(value) && statusKeys.has((value as Message).key)
  );
}

/** Every key an old sentence can become, for the test that each is in the catalogue. */
export const legacyKeys: readonly string[] = [...new Set(patterns.map((pattern) => pattern.key))];
