import { createRequire } from 'node:module';
import os from 'node:os';
import { msg, type Message } from '../../src-shared';
import { AppError } from '../errors';
import {
  PrinterError,
  describeFaults,
  type Printer,
  type PrinterFault,
  type PrinterLanguage,
  type PrinterStatus,
  type SendOptions,
  type SpooledOutcome,
} from './printer';

// ipp 2.0.1 ships no types; only its parser is used, under the one signature declared here.
const ipp = createRequire(import.meta.url)('ipp') as { parse(message: Buffer): unknown };

/** A print queue of the local CUPS scheduler, as the setup screen lists it. */
export interface CupsQueue {
  name: string;
  /** What createCupsPrinter takes: ipp://127.0.0.1:631/printers/<name>. */
  uri: string;
  /** printer-info, the description set in the OS dialog; may be empty. */
  description: string;
  makeAndModel: string;
  state: 'idle' | 'processing' | 'stopped';
  acceptingJobs: boolean;
  /** No driver: CUPS passes the bytes through untouched, as a ZPL printer needs. */
  raw: boolean;
  /** A guess for the setup screen: raw queues are taken to be label printers. */
  language: PrinterLanguage;
  stateReasons: string[];
}

export interface CupsQueueList {
  queues: CupsQueue[];
  /** Why the list is empty because no print service answered; null when CUPS answered. */
  reason: Message | null;
}

export interface CupsOptions {
  /** The CUPS scheduler. */
  url?: string;
  fetch?: typeof fetch;
  /** How long one IPP request may take; a hung cupsd must not hang the station. */
  requestTimeoutMs?: number;
}

export interface CupsPrinterOptions {
  /** ipp://host:631/printers/<queue> (ipps, http and https also work). */
  uri: string;
  name?: string;
  language: PrinterLanguage;
  /** How long a job may stay in the OS queue before `send` gives up and cancels it. */
  jobTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** How often to ask CUPS whether the job has left the queue. */
  pollIntervalMs?: number;
  /** requesting-user-name; CUPS lets only this user (or root) cancel the job. */
  userName?: string;
  fetch?: typeof fetch;
}

const operations = {
  printJob: 0x0002,
  cancelJob: 0x0008,
  getJobAttributes: 0x0009,
  getPrinterAttributes: 0x000b,
  cupsGetPrinters: 0x4002,
} as const;

const valueTags = {
  integer: 0x21,
  boolean: 0x22,
  text: 0x41,
  name: 0x42,
  keyword: 0x44,
  uri: 0x45,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
} as const;

interface IppAttribute {
  tag: keyof typeof valueTags;
  name: string;
  values: readonly (string | number | boolean)[];
}

const attr = (
  tag: IppAttribute['tag'],
  name: string,
  ...values: (string | number | boolean)[]
): IppAttribute => ({ tag, name, values });

type IppGroup = Record<string, unknown>;

interface IppResponse {
  /** The IPP status code; below 0x0100 is success. */
  status: number;
  statusName: string;
  operation: IppGroup[];
  printers: IppGroup[];
  jobs: IppGroup[];
}

const printerStates: Record<string, number> = { idle: 3, processing: 4, stopped: 5 };
const jobStates: Record<string, number> = {
  pending: 3,
  'pending-held': 4,
  processing: 5,
  'processing-stopped': 6,
  canceled: 7,
  aborted: 8,
  completed: 9,
};

/**
 * Encode an IPP/2.0 request. ipp 2.0.1's serializer knows neither CUPS-Get-Printers nor
 * print-scaling and throws on both, so requests are written here; responses use its parser.
 */
function encodeRequest(
  operation: number,
  groups: { operation: IppAttribute[]; job?: IppAttribute[] },
  data?: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const parts: Buffer[] = [];
  const head = Buffer.alloc(8);
  head.writeUInt16BE(0x0200, 0);
  head.writeUInt16BE(operation, 2);
  head.writeUInt32BE(Math.floor(Math.random() * 0x7fffffff) + 1, 4);
  parts.push(head);
  const writeGroup = (groupTag: number, attributes: IppAttribute[]) => {
    parts.push(Buffer.from([groupTag]));
    for (const attribute of attributes) {
      attribute.values.forEach((value, index) => {
        // Additional values of one attribute repeat the tag with an empty name.
        const name = Buffer.from(index === 0 ? attribute.name : '', 'utf8');
        let bytes: Buffer;
        if (typeof value === 'number') {
          bytes = Buffer.alloc(4);
          bytes.writeInt32BE(value, 0);
        } else if (typeof value === 'boolean') {
          bytes = Buffer.from([value ? 1 : 0]);
        } else {
          bytes = Buffer.from(value, 'utf8');
        }
        const header = Buffer.alloc(3);
        header.writeUInt8(valueTags[attribute.tag], 0);
        header.writeUInt16BE(name.length, 1);
        const length = Buffer.alloc(2);
        length.writeUInt16BE(bytes.length, 0);
        parts.push(header, name, length, bytes);
      });
    }
  };
  writeGroup(0x01, groups.operation);
  if (groups.job && groups.job.length > 0) writeGroup(0x02, groups.job);
  parts.push(Buffer.from([0x03]));
  if (data) parts.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  // One copy into a plain ArrayBuffer, the body type fetch is typed to take.
  return new Uint8Array(Buffer.concat(parts));
}

function decodeResponse(body: Buffer): IppResponse {
  if (body.length < 8) throw new Error('The print service sent a truncated IPP answer.');
  const parsed = ipp.parse(body) as Record<string, unknown>;
  const groups = (key: string): IppGroup[] => {
    const group = parsed[key];
    if (group === undefined) return [];
    return (Array.isArray(group) ? group : [group]) as IppGroup[];
  };
  const status = body.readUInt16BE(2);
  const statusName =
    typeof parsed.statusCode === 'string' ? parsed.statusCode : `0x${status.toString(16)}`;
  return {
    status,
    statusName,
    operation: groups('operation-attributes-tag'),
    printers: groups('printer-attributes-tag'),
    jobs: groups('job-attributes-tag'),
  };
}

const valuesOf = (group: IppGroup | undefined, name: string): unknown[] => {
  const value = group?.[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
};
const stringsOf = (group: IppGroup | undefined, name: string): string[] =>
  valuesOf(group, name).filter((value): value is string => typeof value === 'string');
const stringOf = (group: IppGroup | undefined, name: string): string =>
  stringsOf(group, name)[0] ?? '';
const numberOf = (group: IppGroup | undefined, name: string): number | null => {
  const value = valuesOf(group, name)[0];
  return typeof value === 'number' ? value : null;
};
/** ipp's parser turns enums it knows into names and leaves the rest as numbers. */
const enumOf = (
  group: IppGroup | undefined,
  name: string,
  names: Record<string, number>,
): number | null => {
  const value = valuesOf(group, name)[0];
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return names[value] ?? null;
  return null;
};

const isTimeout = (error: unknown) =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');

/** "ECONNREFUSED", "no answer within 5 s", … for messages about a request that got no answer. */
function describeNetworkError(error: unknown, timeoutMs: number): Message | string {
  if (isTimeout(error)) {
    return msg('printer.net.noAnswerSeconds', { seconds: Math.round(timeoutMs / 100) / 10 });
  }
  // fetch says only "fetch failed"; the reason (ECONNREFUSED, "bad port", …) is its cause.
  const cause: unknown = error instanceof Error && error.cause ? error.cause : error;
  if (cause instanceof Error) return (cause as NodeJS.ErrnoException).code ?? cause.message;
  return String(cause);
}

/** An IPP endpoint: where requests are POSTed, with a timeout on every one. */
interface IppClient {
  /** The scheduler, for messages: http://127.0.0.1:631. */
  readonly server: string;
  call(
    operation: number,
    groups: { operation: IppAttribute[]; job?: IppAttribute[] },
    options?: { data?: Uint8Array; timeoutMs?: number },
  ): Promise<IppResponse>;
}

/** Thrown by IppClient when nothing answered: the caller decides what that means to it. */
class IppUnreachable extends Error {
  constructor(
    /** Where nothing answered: http://127.0.0.1:631. */
    readonly server: string,
    /** Why: a network code, or that it gave no answer in time. */
    readonly reason: Message | string,
    readonly timedOut: boolean,
    options: { cause: unknown },
  ) {
    super(`nothing answered at ${server}`, options);
  }

  /** "nothing answered at … (ECONNREFUSED)", for a message. */
  get said(): Message {
    return msg('printer.spooler.nothingAnswered', { server: this.server, reason: this.reason });
  }
}

function ippClient(endpoint: URL, fetchFn: typeof fetch, defaultTimeoutMs: number): IppClient {
  const server = `${endpoint.protocol}//${endpoint.host}`;
  return {
    server,
    async call(operation, groups, options = {}) {
      const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
      let response: Response;
      let body: Buffer;
      try {
        // The signal also bounds reading the body: a cupsd that stalls mid-answer cannot hang us.
        response = await fetchFn(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/ipp' },
          body: encodeRequest(operation, groups, options.data),
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = Buffer.from(await response.arrayBuffer());
      } catch (error) {
        throw new IppUnreachable(server, describeNetworkError(error, timeoutMs), isTimeout(error), {
          cause: error,
        });
      }
      if (response.status !== 200) {
        throw new PrinterError(
          'printer-error',
          msg('printer.spooler.refused', { server, status: response.status }),
        );
      }
      try {
        return decodeResponse(body);
      } catch (error) {
        throw new PrinterError('printer-error', msg('printer.spooler.notIpp', { server }), {
          cause: error,
        });
      }
    },
  };
}

/** The operation attributes every request starts with; IPP fixes the order of the first three. */
const baseAttributes = (userName: string, target?: IppAttribute): IppAttribute[] => [
  attr('charset', 'attributes-charset', 'utf-8'),
  attr('naturalLanguage', 'attributes-natural-language', 'en'),
  ...(target ? [target] : []),
  attr('name', 'requesting-user-name', userName),
];

function defaultUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    // A uid with no passwd entry (some containers); CUPS still takes the job.
    return 'packdesk';
  }
}

/** ipp:// and ipps:// are HTTP(S) on port 631 unless the URI says otherwise. */
function httpEndpoint(uri: string): URL {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new AppError('invalid-input', msg('printer.address.notIpp', { address: uri }), {
      log: `"${uri}" is not a CUPS queue address.`,
    });
  }
  const schemes: Record<string, string> = {
    'ipp:': 'http:',
    'ipps:': 'https:',
    'http:': 'http:',
    'https:': 'https:',
  };
  const protocol = schemes[url.protocol];
  if (!protocol) {
    throw new AppError('invalid-input', msg('printer.address.notIpp', { address: uri }), {
      log: `"${uri}" is not a CUPS queue address.`,
    });
  }
  const port = url.port || (url.protocol.startsWith('ipp') ? '631' : '');
  return new URL(`${protocol}//${url.hostname}${port ? `:${port}` : ''}${url.pathname}`);
}

const rawFormats = new Set(['application/octet-stream', 'application/vnd.cups-raw']);

/**
 * The queues of the CUPS scheduler at `url`, via CUPS-Get-Printers. Never throws for a missing
 * service: the setup screen shows the reason ("No OS print service found") instead.
 */
export async function listCupsQueues(options: CupsOptions = {}): Promise<CupsQueueList> {
  const base = new URL(options.url ?? 'http://127.0.0.1:631');
  const client = ippClient(
    new URL('/', base),
    options.fetch ?? globalThis.fetch,
    options.requestTimeoutMs ?? 5000,
  );
  let response: IppResponse;
  try {
    response = await client.call(operations.cupsGetPrinters, {
      operation: [
        ...baseAttributes(defaultUserName()),
        attr(
          'keyword',
          'requested-attributes',
          'printer-name',
          'printer-info',
          'printer-make-and-model',
          'printer-state',
          'printer-state-reasons',
          'printer-is-accepting-jobs',
          'document-format-supported',
        ),
      ],
    });
  } catch (error) {
    const reason =
      error instanceof IppUnreachable
        ? msg('printer.spooler.notFound', { problem: error.said })
        : error instanceof AppError
          ? error.said
          : msg('printer.status.error', { detail: String(error) });
    return { queues: [], reason };
  }
  // CUPS answers not-found when it has no queues at all.
  if (response.status === 0x0406) return { queues: [], reason: null };
  if (response.status >= 0x0100) {
    return {
      queues: [],
      reason: msg('printer.spooler.listRefused', {
        server: client.server,
        status: response.statusName,
      }),
    };
  }
  const uriBase = `ipp://${base.hostname}:${base.port || '631'}/printers/`;
  const queues = response.printers.map((group): CupsQueue => {
    const name = stringOf(group, 'printer-name');
    const makeAndModel = stringOf(group, 'printer-make-and-model');
    const formats = stringsOf(group, 'document-format-supported');
    const raw =
      makeAndModel === 'Local Raw Printer' ||
      (formats.length > 0 && formats.every((format) => rawFormats.has(format)));
    const state = enumOf(group, 'printer-state', printerStates);
    return {
      name,
      uri: uriBase + encodeURIComponent(name),
      description: stringOf(group, 'printer-info'),
      makeAndModel,
      state: state === 5 ? 'stopped' : state === 4 ? 'processing' : 'idle',
      acceptingJobs: valuesOf(group, 'printer-is-accepting-jobs')[0] !== false,
      raw,
      language: raw ? 'zpl' : 'pdf',
      stateReasons: stringsOf(group, 'printer-state-reasons').filter((r) => r !== 'none'),
    };
  });
  return { queues, reason: null };
}

const reasonFaults: Record<string, PrinterFault> = {
  'media-empty': 'paper-out',
  'media-needed': 'paper-out',
  'media-jam': 'other',
  'cover-open': 'head-open',
  'door-open': 'head-open',
  'marker-supply-empty': 'ribbon-out',
  paused: 'paused',
};

/**
 * printer-state-reasons in the station's words. "-report" reasons are informational; unknown
 * reasons count only when they say "-error", so "connecting-to-device" is not a fault.
 */
export function faultsFromStateReasons(reasons: readonly string[]): PrinterFault[] {
  const faults = new Set<PrinterFault>();
  for (const reason of reasons) {
    if (reason === 'none' || reason.endsWith('-report')) continue;
    const base = reason.replace(/-(error|warning)$/, '');
    const fault = reasonFaults[base];
    if (fault) faults.add(fault);
    else if (reason.endsWith('-error')) faults.add('other');
  }
  return [...faults];
}

/** IPP keywords read as words: "job-canceled-by-user" → "job canceled by user". */
const inWords = (keywords: readonly string[]): string =>
  keywords
    .filter((keyword) => keyword !== 'none')
    .map((keyword) => keyword.replace(/-/g, ' '))
    .join(', ');

const mediaKeywords: Record<NonNullable<SendOptions['media']>, string> = {
  A4: 'iso_a4_210x297mm',
  A6: 'iso_a6_105x148mm',
};

/**
 * A CUPS queue as a Printer, over IPP. `send` resolves when CUPS reports the job completed,
 * i.e. its backend handed every byte to the device, not when the job was merely queued.
 */
export function createCupsPrinter(options: CupsPrinterOptions): Printer {
  const endpoint = httpEndpoint(options.uri);
  const queueName = decodeURIComponent(endpoint.pathname.split('/').filter(Boolean).pop() ?? '');
  const printerUri = options.uri;
  const jobTimeoutMs = options.jobTimeoutMs ?? 30_000;
  const pollIntervalMs = options.pollIntervalMs ?? 200;
  const userName = options.userName ?? defaultUserName();
  const client = ippClient(
    endpoint,
    options.fetch ?? globalThis.fetch,
    options.requestTimeoutMs ?? 5000,
  );
  const closing = new AbortController();
  let queue: Promise<void> = Promise.resolve();

  const operationAttributes = (...extra: IppAttribute[]): IppAttribute[] => [
    ...baseAttributes(userName, attr('uri', 'printer-uri', printerUri)),
    ...extra,
  ];

  const printerAttributes = async (): Promise<IppGroup> => {
    const response = await client.call(operations.getPrinterAttributes, {
      operation: operationAttributes(
        attr(
          'keyword',
          'requested-attributes',
          'printer-state',
          'printer-state-reasons',
          'printer-state-message',
          'printer-is-accepting-jobs',
          'queued-job-count',
        ),
      ),
    });
    if (response.status === 0x0406) {
      throw new PrinterError(
        'printer-error',
        msg('printer.queue.missing', { queue: queueName, server: client.server }),
      );
    }
    if (response.status >= 0x0100) {
      throw new PrinterError(
        'printer-error',
        msg('printer.queue.describeRefused', { queue: queueName, status: response.statusName }),
      );
    }
    return response.printers[0] ?? {};
  };

  const offline = (error: IppUnreachable) =>
    new PrinterError('printer-offline', msg('printer.spooler.notFound', { problem: error.said }), {
      cause: error,
    });

  const cancelJob = async (jobId: number) => {
    try {
      await client.call(operations.cancelJob, {
        operation: operationAttributes(attr('integer', 'job-id', jobId)),
      });
    } catch {
      // Best effort: the job is reported as failed either way.
    }
  };

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        closing.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      closing.signal.addEventListener('abort', done);
    });

  const waitForJob = async (jobId: number, deadline: number): Promise<void> => {
    let reasons: string[] = [];
    let message = '';
    for (;;) {
      if (closing.signal.aborted) {
        throw new PrinterError(
          'printer-error',
          msg('printer.closedMidJob', { printer: queueName }),
        );
      }
      let response: IppResponse | null = null;
      try {
        response = await client.call(operations.getJobAttributes, {
          operation: operationAttributes(
            attr('integer', 'job-id', jobId),
            attr(
              'keyword',
              'requested-attributes',
              'job-state',
              'job-state-reasons',
              'job-state-message',
            ),
          ),
        });
      } catch (error) {
        // cupsd restarting mid-job: keep asking until the deadline rather than guess.
        if (!(error instanceof IppUnreachable)) throw error;
      }
      // Without PreserveJobHistory CUPS forgets a job once it is done: gone means finished.
      if (response?.status === 0x0406) return;
      const job = response?.jobs[0];
      const state = enumOf(job, 'job-state', jobStates);
      if (job) {
        reasons = stringsOf(job, 'job-state-reasons');
        message = stringOf(job, 'job-state-message');
      }
      if (state === 9) return;
      if (state === 7 || state === 8) {
        const why = [inWords(reasons), message].filter(Boolean).join('; ');
        const cancelled = state === 7;
        const said = why
          ? msg(
              cancelled ? 'printer.queue.jobCancelled.detail' : 'printer.queue.jobAborted.detail',
              {
                queue: queueName,
                detail: why,
              },
            )
          : msg(cancelled ? 'printer.queue.jobCancelled' : 'printer.queue.jobAborted', {
              queue: queueName,
            });
        throw new PrinterError('printer-error', said);
      }
      if (Date.now() >= deadline) {
        // The job says only "job-printing"; why it is stuck is in printer-state-message, e.g.
        // the socket backend's "The printer may not exist or is unavailable at this time."
        const printerMessage = await printerAttributes().then(
          (printer) => stringOf(printer, 'printer-state-message'),
          () => '',
        );
        // Cancel it, or it prints whenever the printer comes back and the retry prints twice.
        await cancelJob(jobId);
        const why = [printerMessage, message].filter(Boolean).join('; ');
        const seconds = Math.round(jobTimeoutMs / 1000);
        throw new PrinterError(
          'printer-error',
          why
            ? msg('printer.queue.stuck.detail', { queue: queueName, seconds, detail: why })
            : msg('printer.queue.stuck', { queue: queueName, seconds }),
        );
      }
      await wait(pollIntervalMs);
    }
  };

  const printJob = async (job: Uint8Array, sendOptions: SendOptions): Promise<void> => {
    if (closing.signal.aborted) {
      throw new PrinterError('printer-error', msg('printer.closed', { printer: queueName }));
    }
    const deadline = Date.now() + jobTimeoutMs;
    let printer: IppGroup;
    try {
      printer = await printerAttributes();
    } catch (error) {
      throw error instanceof IppUnreachable ? offline(error) : error;
    }
    if (valuesOf(printer, 'printer-is-accepting-jobs')[0] === false) {
      throw new PrinterError(
        'printer-offline',
        msg('printer.queue.rejecting', { queue: queueName }),
      );
    }
    if (enumOf(printer, 'printer-state', printerStates) === 5) {
      // cupsdisable leaves the message "Paused"; a backend that stopped the queue says why.
      const why = stringOf(printer, 'printer-state-message');
      throw new PrinterError(
        'printer-offline',
        why && why !== 'Paused'
          ? msg('printer.queue.paused.detail', { queue: queueName, detail: why })
          : msg('printer.queue.paused', { queue: queueName }),
      );
    }
    const pdf = options.language === 'pdf';
    const jobAttributes: IppAttribute[] = pdf
      ? [
          // A label must come out at 100 %: never shrink it to the printable area.
          attr('keyword', 'print-scaling', 'none'),
          attr('boolean', 'fit-to-page', false),
          ...(sendOptions.media
            ? [attr('keyword', 'media', mediaKeywords[sendOptions.media])]
            : []),
        ]
      : [];
    let response: IppResponse;
    try {
      response = await client.call(
        operations.printJob,
        {
          operation: operationAttributes(
            attr('name', 'job-name', (sendOptions.title ?? 'Packdesk label').slice(0, 255)),
            // vnd.cups-raw bypasses every filter, even on a queue that has a driver.
            attr(
              'mimeMediaType',
              'document-format',
              pdf ? 'application/pdf' : 'application/vnd.cups-raw',
            ),
          ),
          job: jobAttributes,
        },
        { data: job, timeoutMs: Math.max(1000, deadline - Date.now()) },
      );
    } catch (error) {
      // A timeout mid-upload may have queued the job after all: not "offline", or a retry could
      // print it twice.
      if (error instanceof IppUnreachable && error.timedOut) {
        throw new PrinterError(
          'printer-error',
          msg('printer.queue.stoppedAnswering', { queue: queueName, reason: error.said }),
          { cause: error },
        );
      }
      throw error instanceof IppUnreachable ? offline(error) : error;
    }
    if (response.status === 0x0506) {
      throw new PrinterError(
        'printer-offline',
        msg('printer.queue.notAccepting', { queue: queueName }),
      );
    }
    if (response.status >= 0x0100) {
      const message = stringOf(response.operation[0], 'status-message');
      const status = message ? `${response.statusName}: ${message}` : response.statusName;
      throw new PrinterError(
        'printer-error',
        msg('printer.queue.refusedJob', { queue: queueName, status }),
      );
    }
    const jobId = numberOf(response.jobs[0], 'job-id');
    if (jobId === null) {
      throw new PrinterError('printer-error', msg('printer.queue.noJobId', { queue: queueName }));
    }
    sendOptions.onSpooled?.(String(jobId));
    await waitForJob(jobId, deadline);
  };

  /** The job an earlier life left with CUPS, followed to its end as a live one is. */
  const spooled = async (ref: string): Promise<SpooledOutcome> => {
    const jobId = Number(ref);
    if (!Number.isInteger(jobId) || jobId <= 0) return 'not-printed';
    try {
      await waitForJob(jobId, Date.now() + jobTimeoutMs);
      return 'printed';
    } catch (error) {
      // Cancelled, aborted, or stuck past the deadline (and cancelled by waitForJob): no label
      // came out, so the job sends it again. Closing mid-wait is no answer: it stays unknown.
      if (error instanceof PrinterError && error.said.key !== 'printer.closedMidJob') {
        return 'not-printed';
      }
      throw error;
    }
  };

  return {
    name: options.name ?? `${queueName} (OS print queue)`,
    address: printerUri,
    transport: 'cups',
    language: options.language,
    send(job, sendOptions = {}) {
      const run = queue.then(() => printJob(job, sendOptions));
      queue = run.catch(() => undefined);
      return run;
    },
    spooled,
    async status(): Promise<PrinterStatus> {
      let printer: IppGroup;
      try {
        printer = await printerAttributes();
      } catch (error) {
        return {
          reachable: !(error instanceof IppUnreachable),
          faults: error instanceof IppUnreachable ? [] : ['other'],
          pending: null,
          dpi: null,
          source: 'spooler',
          message:
            error instanceof IppUnreachable
              ? msg('printer.status.unreachable', { reason: error.said })
              : error instanceof AppError
                ? error.said
                : msg('printer.status.error', { detail: String(error) }),
        };
      }
      const faults = faultsFromStateReasons(stringsOf(printer, 'printer-state-reasons'));
      const state = enumOf(printer, 'printer-state', printerStates);
      const stopped = state === 5;
      const accepting = valuesOf(printer, 'printer-is-accepting-jobs')[0] !== false;
      // A stopped or rejecting queue holds or refuses every job: to the packer it is paused.
      if ((stopped || !accepting) && !faults.includes('paused')) faults.push('paused');
      let message = describeFaults(faults);
      if (!accepting) message = msg('printer.status.queueRejecting', { faults: message });
      // While printing, the backend's own words, e.g. a socket printer it cannot reach.
      const stateMessage = stringOf(printer, 'printer-state-message');
      if (stateMessage && state === 4 && accepting) {
        message = msg('printer.status.withNote', { faults: message, note: stateMessage });
      }
      return {
        reachable: true,
        faults,
        pending: numberOf(printer, 'queued-job-count'),
        dpi: null,
        source: 'spooler',
        message,
      };
    },
    async close() {
      closing.abort();
    },
  };
}
