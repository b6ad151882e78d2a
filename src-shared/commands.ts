// Every command the renderer may call: a zod schema for its input and the type of its output.
import { z } from 'zod';
import type { Result } from './errors';
import { printerFaults } from './printer-faults';
import { checkKeyField, parseNetworkAddress, type KeyField, type RuleProblem } from './rules';
import {
  printerDocuments,
  type AccountChoices,
  type AccountView,
  type BillingExport,
  type DemoFaults,
  type JobView,
  type LabelPreview,
  type MerchantView,
  type OutboxSettings,
  type PrinterDiscovery,
  type PrinterSetup,
  type ScanEntry,
  type StationStatus,
  type TestPrint,
} from './views';
// ---------------------------------------------------------------------------------------------
// Input schemas

/** A rule's problem as a zod issue: its key is the message, its params ride along. */
const ruleIssue = (problem: RuleProblem, path: string[] = []) => ({
  code: 'custom' as const,
  message: problem.key,
  params: problem.params,
  path,
});

/** One of an account's API keys, by the key-field rule the account forms use (src-shared/rules). */
const keyField = (field: KeyField) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const checked = checkKeyField(field, value);
      if (!checked.ok) ctx.addIssue(ruleIssue(checked.problem));
    });
const apiKeys = { publicKey: keyField('publicKey'), secretKey: keyField('secretKey') };

const scanCode = z
  .string()
  .trim()
  .min(1, 'The scan is empty.')
  .max(100, 'The scan is longer than any order number or tracking number.')
  // Barcodes and order numbers are printable ASCII; control characters mean a scanner misread.
  .regex(/^[\x20-\x7E]+$/, 'The scan contains characters no barcode holds.');

export const commands = {
  'station.status': { input: z.object({}).strict(), output: {} as StationStatus },
  'scan.submit': { input: z.object({ code: scanCode }).strict(), output: {} as ScanEntry },
  'scan.recent': {
    input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: [] as ScanEntry[],
  },
  'orders.sync': { input: z.object({}).strict(), output: {} as StationStatus },
  'label.preview': {
    input: z.object({ trackingNumber: z.string().trim().min(1).max(100) }).strict(),
    output: {} as LabelPreview,
  },
  'queue.list': { input: z.object({}).strict(), output: [] as JobView[] },
  'queue.retry': {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: {} as JobView,
  },
  'queue.cancel': {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: {} as JobView,
  },
  'queue.printHeld': { input: z.object({}).strict(), output: {} as { released: number } },
  'outbox.settings': {
    input: z
      .object({
        drainMode: z.enum(['print', 'hold']).optional(),
        staleAfterMinutes: z
          .number()
          .int()
          .min(1)
          .max(7 * 24 * 60)
          .optional(),
      })
      .strict(),
    output: {} as OutboxSettings,
  },
  'printers.list': { input: z.object({}).strict(), output: {} as PrinterSetup },
  'printers.discover': { input: z.object({}).strict(), output: {} as PrinterDiscovery },
  'printers.add': {
    input: z
      .object({
        name: z.string().trim().min(1, 'Give the printer a name.').max(80),
        transport: z.enum(['tcp', 'usb', 'cups', 'windows']),
        address: z.string().trim().min(1, 'Give the printer an address.').max(300),
        language: z.enum(['zpl', 'pdf']),
        dpi: z.union([z.literal(203), z.literal(300), z.literal(600)]).default(203),
        paper: z.enum(['A6', 'A4']).default('A6'),
        position: z.number().int().min(0).max(3).default(0),
      })
      .strict()
      // A network printer's address, by the rule the Printers form uses (src-shared/rules).
      .superRefine((input, ctx) => {
        if (input.transport !== 'tcp') return;
        const parsed = parseNetworkAddress(input.address);
        if (!parsed.ok) ctx.addIssue(ruleIssue(parsed.problem, ['address']));
      }),
    output: {} as PrinterSetup,
  },
  'printers.update': {
    input: z
      .object({
        id: z.string().min(1).max(64),
        name: z.string().trim().min(1).max(80).optional(),
        dpi: z.union([z.literal(203), z.literal(300), z.literal(600)]).optional(),
        paper: z.enum(['A6', 'A4']).optional(),
        position: z.number().int().min(0).max(3).optional(),
      })
      .strict(),
    output: {} as PrinterSetup,
  },
  'printers.remove': {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: {} as PrinterSetup,
  },
  'printers.route': {
    input: z
      .object({
        document: z.enum(printerDocuments),
        printerId: z.string().min(1).max(64).nullable(),
      })
      .strict(),
    output: {} as PrinterSetup,
  },
  'printers.test': {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: {} as TestPrint,
  },
  'printers.refresh': { input: z.object({}).strict(), output: {} as PrinterSetup },
  'accounts.list': { input: z.object({}).strict(), output: [] as AccountView[] },
  'accounts.verify': {
    input: z.object(apiKeys).strict(),
    output: {} as AccountChoices,
  },
  'accounts.add': {
    input: z
      .object(apiKeys)
      .extend({
        name: z.string().trim().min(1, 'Give the account a name.').max(80),
        api: z.enum(['v3', 'v2']).default('v3'),
        integrationId: z.number().int().positive(),
        senderAddressId: z.number().int().positive().nullable().default(null),
        brandId: z.number().int().positive().nullable().default(null),
        shippingOptionCode: z.string().trim().min(1).max(100).nullable().default(null),
        testMode: z.boolean().default(false),
      })
      .strict(),
    output: {} as AccountView,
  },
  'accounts.update': {
    input: z
      .object({
        id: z.string().min(1).max(64),
        name: z.string().trim().min(1).max(80).optional(),
        integrationId: z.number().int().positive().optional(),
        senderAddressId: z.number().int().positive().nullable().optional(),
        brandId: z.number().int().positive().nullable().optional(),
        shippingOptionCode: z.string().trim().min(1).max(100).nullable().optional(),
        testMode: z.boolean().optional(),
      })
      .strict(),
    output: {} as AccountView,
  },
  /** New keys for an account Sendcloud refused (401): checked, stored, its jobs woken. */
  'accounts.reconnect': {
    input: z
      .object(apiKeys)
      .extend({ id: z.string().min(1).max(64) })
      .strict(),
    output: {} as AccountView,
  },
  'accounts.remove': {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: [] as AccountView[],
  },
  'merchants.list': { input: z.object({}).strict(), output: [] as MerchantView[] },
  'merchants.save': {
    input: z
      .object({
        id: z.string().min(1).max(64).optional(),
        name: z.string().trim().min(1, 'Give the merchant a name.').max(80),
        orderPrefix: z
          .string()
          .trim()
          .min(1, 'Give the order number prefix of this merchant.')
          .max(40)
          .regex(/^[\x20-\x7E]+$/, 'An order number prefix is printable ASCII.'),
        mode: z.enum(['centralised', 'decentralised']),
        accountId: z.string().min(1).max(64).nullable().default(null),
      })
      .strict(),
    output: [] as MerchantView[],
  },
  'merchants.remove': {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: [] as MerchantView[],
  },
  'billing.export': {
    input: z
      .object({
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date like 2026-11-21.'),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date like 2026-11-21.'),
      })
      .strict(),
    output: {} as BillingExport,
  },
  'demo.faults': { input: z.object({}).strict(), output: {} as DemoFaults },
  'demo.printerFaults': {
    input: z.object({ faults: z.array(z.enum(printerFaults)).max(7) }).strict(),
    output: {} as PrinterSetup,
  },
  'demo.setFaults': {
    input: z
      .object({
        latencyMs: z.number().int().min(0).max(60_000),
        errorRate: z.number().min(0).max(1),
        errorStatus: z.union([z.literal(429), z.literal(500), z.literal(503)]),
        timeoutRate: z.number().min(0).max(1),
        lostResponseRate: z.number().min(0).max(1),
      })
      .strict(),
    output: {} as DemoFaults,
  },
} as const;

export type CommandName = keyof typeof commands;
export type CommandInput<C extends CommandName> = z.input<(typeof commands)[C]['input']>;
export type ParsedInput<C extends CommandName> = z.output<(typeof commands)[C]['input']>;
export type CommandOutput<C extends CommandName> = (typeof commands)[C]['output'];
export const commandNames = Object.keys(commands) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}

/** Electron IPC channel names, derived from the contract so no channel is typed by hand. */
export const ipcChannels = {
  command: (name: CommandName) => `packdesk:command:${name}`,
  events: 'packdesk:events',
} as const;

/** Parse a command's raw input, turning zod issues into one `invalid-input` error. */
export function parseInput<C extends CommandName>(name: C, raw: unknown): Result<ParsedInput<C>> {
  const parsed = commands[name].input.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as ParsedInput<C> };
  const message = parsed.error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
  return {
    ok: false,
    error: { code: 'invalid-input', key: 'error.invalidInput', params: { detail: message } },
  };
}
