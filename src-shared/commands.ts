// Every command the renderer may call: a zod schema for its input and the type of its output.
import { z } from 'zod';
import type { Result } from './errors';
import type { MessageKey } from './messages';
import { printerFaults } from './printer-faults';
import {
  checkKeyField,
  parseNetworkAddress,
  ruleProblemKeys,
  type KeyField,
  type RuleProblem,
  type RuleProblemKey,
} from './rules';
import {
  accountRoutingSchema,
  routingProblemKeys,
  routingRulesSchema,
  type RoutingProblemKey,
  type RoutingSetup,
  type RoutingTest,
} from './routing';
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
  type CustomsCopies,
  type ScanEntry,
  type StationStatus,
  type TestPrint,
  type NextScan,
  type NextScanSet,
} from './views';
import {
  batchLayouts,
  batchSortFields,
  type BatchDetails,
  type BatchPdf,
  type BatchStarted,
  type BatchView,
  type OpenOrderRow,
  type OpenOrders,
} from './views-batch';
import type { DayExport, DaySummary, HandoverList } from './views-day';
import type { ServicePointOffers } from './views-service-points';
import type { WarehouseSettings } from './views-warehouse';
import {
  splitConnectionString,
  warehouseProblemKeys,
  type WarehouseProblemKey,
} from './warehouse-address';
import { returnDeliveries, type ReturnMade, type ReturnRow } from './views-returns';
import { packerRoles, type BadgeSheet, type PackerView, type SessionView } from './views-packers';
import {
  reprintReasons,
  type ShipmentDetails,
  type ShipmentList,
  type ShipmentRow,
} from './views-shipments';
// ---------------------------------------------------------------------------------------------
// Input schemas

// A schema's own problem is a message key, so the packer reads it in their language; parseInput
// passes the field it is about as `field`.
const inputProblems = [
  'error.input.scanEmpty',
  'error.input.scanTooLong',
  'error.input.scanCharacters',
  'error.input.printerName',
  'error.input.printerAddress',
  'error.input.accountName',
  'error.input.merchantName',
  'error.input.merchantPrefix',
  'error.input.merchantPrefixCharacters',
  'error.input.date',
  'error.input.packerName',
  'error.input.pin',
  'error.input.badge',
  'error.input.stationName',
] as const satisfies readonly MessageKey[];
type InputProblem = (typeof inputProblems)[number];
const problem = (key: InputProblem) => key;
/** A key a schema or a shared rule answers with (the message of its zod issue). */
const isProblemKey = (
  text: string,
): text is InputProblem | RuleProblemKey | RoutingProblemKey | WarehouseProblemKey =>
  (inputProblems as readonly string[]).includes(text) ||
  (warehouseProblemKeys as readonly string[]).includes(text) ||
  (ruleProblemKeys as readonly string[]).includes(text) ||
  (routingProblemKeys as readonly string[]).includes(text);

/** A rule's problem as a zod issue: its key is the message, its params ride along. */
const ruleIssue = (
  problem: RuleProblem | RuleProblem<WarehouseProblemKey>,
  path: string[] = [],
) => ({
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
  .min(1, problem('error.input.scanEmpty'))
  .max(100, problem('error.input.scanTooLong'))
  // Barcodes and order numbers are printable ASCII; control characters mean a scanner misread.
  .regex(/^[\x20-\x7E]+$/, problem('error.input.scanCharacters'));

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, problem('error.input.date'));
/** A station of the warehouse, by its id. */
const stationFilter = z.string().trim().min(1).max(64);
const parcelId = z.number().int().positive();
const batchId = z.string().min(1).max(64);
const orderRef = z.string().min(1).max(200);
const batchSort = z
  .object({ field: z.enum(batchSortFields), direction: z.enum(['asc', 'desc']) })
  .strict();
const packerName = z.string().trim().min(1, problem('error.input.packerName')).max(60);
/** Four digits, as the sign-in keypad takes them. */
const pin = z.string().regex(/^\d{4}$/, problem('error.input.pin'));
const badge = z
  .string()
  .trim()
  .min(4, problem('error.input.badge'))
  .max(40, problem('error.input.badge'))
  .regex(/^[\x21-\x7E]+$/, problem('error.input.badge'));

const stationName = z.string().trim().min(1, problem('error.input.stationName')).max(60);
/** A PostgreSQL connection string, by the rule the Warehouse form uses (src-shared). */
const warehouseConnection = z
  .string()
  .max(1_000)
  .superRefine((value, ctx) => {
    const split = splitConnectionString(value);
    if (!split.ok) ctx.addIssue(ruleIssue(split.problem));
  });

export const commands = {
  'station.status': { input: z.object({}).strict(), output: {} as StationStatus },
  'scan.submit': { input: z.object({ code: scanCode }).strict(), output: {} as ScanEntry },
  'scan.recent': {
    input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: [] as ScanEntry[],
  },
  'scan.next': { input: z.object({}).strict(), output: {} as NextScan },
  /** A scan failed on its pick-up point: the nearest open points of its carrier instead. */
  'scan.pointOffers': {
    input: z
      .object({ scanId: z.string().min(1).max(64).optional(), orderNumber: orderRef.optional() })
      .strict(),
    output: {} as ServicePointOffers,
  },
  /**
   * The packer's pick for a scan that failed on its point: another point, or home delivery where
   * the account allows it. The same label job goes again with the choice; never a second label.
   */
  'scan.choosePoint': {
    input: z
      .object({
        scanId: z.string().min(1).max(64).optional(),
        orderNumber: orderRef.optional(),
        servicePointId: z.number().int().positive().optional(),
        homeDelivery: z.literal(true).optional(),
      })
      .strict(),
    output: {} as { jobId: string },
  },
  /** Whether an account ships a service-point order home when its point is closed. */
  'servicePoints.homeDelivery': {
    input: z.object({ accountId: z.string().min(1).max(64) }).strict(),
    output: {} as { allowed: boolean },
  },
  'servicePoints.setHomeDelivery': {
    input: z.object({ accountId: z.string().min(1).max(64), allowed: z.boolean() }).strict(),
    output: {} as { allowed: boolean },
  },
  'scan.setNext': {
    input: z
      .object({
        boxes: z.number().int().min(1).max(50).nullable().optional(),
        optionCode: z.string().trim().min(3).max(100).nullable().optional(),
      })
      .strict(),
    output: {} as NextScanSet,
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
        name: z.string().trim().min(1, problem('error.input.printerName')).max(80),
        transport: z.enum(['tcp', 'usb', 'cups', 'windows']),
        address: z.string().trim().min(1, problem('error.input.printerAddress')).max(300),
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
  /** Copies of the customs documents per carrier code; a carrier not named prints 1. */
  'customs.copies': { input: z.object({}).strict(), output: {} as CustomsCopies },
  'customs.setCopies': {
    input: z
      .object({
        carrier: z.string().trim().min(1).max(40),
        copies: z.number().int().min(1).max(5),
      })
      .strict(),
    output: {} as CustomsCopies,
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
        name: z.string().trim().min(1, problem('error.input.accountName')).max(80),
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
        name: z.string().trim().min(1, problem('error.input.merchantName')).max(80),
        orderPrefix: z
          .string()
          .trim()
          .min(1, problem('error.input.merchantPrefix'))
          .max(40)
          .regex(/^[\x20-\x7E]+$/, problem('error.input.merchantPrefixCharacters')),
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
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, problem('error.input.date')),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, problem('error.input.date')),
      })
      .strict(),
    output: {} as BillingExport,
  },
  // Shipments: the reprint screen.
  'shipments.list': {
    input: z
      .object({
        from: day.optional(),
        to: day.optional(),
        /** The newest this many only (`truncated` says when more matched): the screen's first page. */
        limit: z.number().int().min(1).max(20_000).optional(),
        /** In a warehouse: one station's shipments only (its id); all stations' when absent. */
        station: stationFilter.optional(),
      })
      .strict(),
    output: {} as ShipmentList,
  },
  /** A search that found nothing locally asks Sendcloud, by order or tracking number. */
  'shipments.lookUp': {
    input: z.object({ query: z.string().trim().min(1).max(100) }).strict(),
    output: [] as ShipmentRow[],
  },
  'shipments.details': { input: z.object({ parcelId }).strict(), output: {} as ShipmentDetails },
  'shipments.preview': { input: z.object({ parcelId }).strict(), output: {} as LabelPreview },
  'shipments.reprint': {
    input: z
      .object({
        parcelId,
        printerId: z.string().min(1).max(64),
        reason: z.enum(reprintReasons),
        note: z.string().trim().max(200).optional(),
      })
      .strict(),
    output: {} as ShipmentRow,
  },
  'shipments.void': { input: z.object({ parcelId }).strict(), output: {} as ShipmentRow },
  // Returns made from a shipment: its label printed for the box, or the portal link.
  'returns.create': {
    input: z.object({ parcelId, delivery: z.enum(returnDeliveries) }).strict(),
    output: {} as ReturnMade,
  },
  /** The return label once more, on the label printer. */
  'returns.print': {
    input: z.object({ returnId: z.number().int().positive() }).strict(),
    output: {} as ReturnMade,
  },
  /** Returns made in a range of days (default the last 14), newest first; `refresh` asks Sendcloud. */
  'returns.list': {
    input: z
      .object({ from: day.optional(), to: day.optional(), refresh: z.boolean().optional() })
      .strict(),
    output: [] as ReturnRow[],
  },
  // Packers and who is signed in.
  'session.current': { input: z.object({}).strict(), output: {} as SessionView },
  'session.signIn': {
    input: z.object({ packerId: z.string().min(1).max(64), pin }).strict(),
    output: {} as SessionView,
  },
  'session.lock': { input: z.object({}).strict(), output: {} as SessionView },
  /** Any key or click: the idle lock counts from now. */
  'session.activity': { input: z.object({}).strict(), output: {} as SessionView },
  'session.settings': {
    input: z.object({ idleLockMinutes: z.number().int().min(0).max(480) }).strict(),
    output: {} as SessionView,
  },
  'packers.list': { input: z.object({}).strict(), output: [] as PackerView[] },
  'packers.add': {
    input: z
      .object({ name: packerName, role: z.enum(packerRoles), pin, badge: badge.optional() })
      .strict(),
    output: [] as PackerView[],
  },
  'packers.update': {
    input: z
      .object({
        id: z.string().min(1).max(64),
        name: packerName.optional(),
        role: z.enum(packerRoles).optional(),
        pin: pin.optional(),
      })
      .strict(),
    output: [] as PackerView[],
  },
  'packers.remove': {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: [] as PackerView[],
  },
  'packers.badges': {
    input: z.object({ ids: z.array(z.string().min(1).max(64)).max(500).optional() }).strict(),
    output: {} as BadgeSheet,
  },
  // Batch labels: what is left at the end of the day, in one go.
  'batch.openOrders': {
    input: z
      .object({
        filter: z
          .object({
            accountId: z.string().min(1).max(64).optional(),
            merchantId: z.string().min(1).max(64).optional(),
            carrier: z.string().min(1).max(64).optional(),
            shippingOptionCode: z.string().min(1).max(200).optional(),
            country: z.string().length(2).optional(),
            orderedFrom: day.optional(),
            orderedTo: day.optional(),
            servicePoint: z.enum(['yes', 'no']).optional(),
            search: z.string().trim().max(100).optional(),
          })
          .strict()
          .optional(),
        sort: batchSort.optional(),
        limit: z.number().int().min(1).max(5_000).optional(),
      })
      .strict(),
    output: {} as OpenOrders,
  },
  /** A scan on the Batch screen: the open order it names, to add to the batch (not printed). */
  'batch.scan': { input: z.object({ code: scanCode }).strict(), output: {} as OpenOrderRow },
  'batch.start': {
    input: z
      .object({
        orderRefs: z.array(orderRef).min(1).max(2_000),
        sort: batchSort,
        printerId: z.string().min(1).max(64).optional(),
        layout: z.enum(batchLayouts).optional(),
        chunkSize: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    output: {} as BatchStarted,
  },
  'batch.list': { input: z.object({}).strict(), output: [] as BatchView[] },
  'batch.details': { input: z.object({ id: batchId }).strict(), output: {} as BatchDetails },
  'batch.pause': { input: z.object({ id: batchId }).strict(), output: {} as BatchView },
  'batch.resume': { input: z.object({ id: batchId }).strict(), output: {} as BatchView },
  /** Cancel what is not made yet; labels already made still print. */
  'batch.cancel': { input: z.object({ id: batchId }).strict(), output: {} as BatchView },
  'batch.retryOrder': {
    input: z.object({ id: batchId, orderRef }).strict(),
    output: {} as BatchDetails,
  },
  'batch.leaveOut': {
    input: z.object({ id: batchId, orderRef }).strict(),
    output: {} as BatchDetails,
  },
  /** Print every label of the batch again, in the batch's order (a reprint). */
  'batch.reprint': {
    input: z.object({ id: batchId, printerId: z.string().min(1).max(64).optional() }).strict(),
    output: {} as BatchView,
  },
  /** The batch's labels as one PDF, in order, to save. */
  'batch.pdf': {
    input: z.object({ id: batchId, layout: z.enum(batchLayouts).optional() }).strict(),
    output: {} as BatchPdf,
  },
  // The supervisor's day.
  'day.summary': {
    input: z.object({ day, station: stationFilter.optional() }).strict(),
    output: {} as DaySummary,
  },
  'day.export': {
    input: z.object({ day, station: stationFilter.optional() }).strict(),
    output: {} as DayExport,
  },
  'day.handover': {
    input: z
      .object({
        day,
        carrier: z.string().min(1).max(40),
        print: z.boolean().default(false),
        /** The language the list's few words are printed in; English when not said. */
        language: z.enum(['en', 'nl', 'de', 'fr']).optional(),
      })
      .strict(),
    output: {} as HandoverList,
  },
  // The right carrier: the station's routing rules, each account's way of choosing, the tester.
  'routing.rules': { input: z.object({}).strict(), output: {} as RoutingSetup },
  'routing.saveRules': { input: routingRulesSchema, output: {} as RoutingSetup },
  'routing.saveAccount': {
    input: accountRoutingSchema.extend({ accountId: z.string().min(1).max(64) }).strict(),
    output: {} as RoutingSetup,
  },
  'routing.test': { input: z.object({ code: scanCode }).strict(), output: {} as RoutingTest },
  // Settings → Warehouse: joining the warehouse's PostgreSQL, leaving it, the station's name.
  'warehouse.get': { input: z.object({}).strict(), output: {} as WarehouseSettings },
  /**
   * Check the connection (and that the schema is not newer than this build), then keep it: the
   * string without its password in SQLite, the password (typed, or taken out of the string) in
   * the keychain. The link follows at once.
   */
  'warehouse.join': {
    input: z
      .object({
        connection: warehouseConnection,
        // Not trimmed: a password may begin or end with a space.
        password: z.string().max(1_000).optional(),
        stationName: stationName.optional(),
      })
      .strict(),
    output: {} as WarehouseSettings,
  },
  'warehouse.leave': { input: z.object({}).strict(), output: {} as WarehouseSettings },
  'warehouse.rename': {
    input: z.object({ stationName }).strict(),
    output: {} as WarehouseSettings,
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

/**
 * Parse a command's raw input into one `invalid-input` error: the first issue's key when the
 * schema gave one, with the field it is about; zod's own English otherwise, as the detail.
 */
export function parseInput<C extends CommandName>(name: C, raw: unknown): Result<ParsedInput<C>> {
  const parsed = commands[name].input.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as ParsedInput<C> };
  const [first] = parsed.error.issues;
  const field = first?.path.join('.') ?? '';
  if (first && isProblemKey(first.message)) {
    // A rule's issue carries the params its message names (ruleIssue below).
    const ruleParams = (first as { params?: Record<string, string | number> }).params ?? {};
    return {
      ok: false,
      error: { code: 'invalid-input', key: first.message, params: { ...ruleParams, field } },
    };
  }
  const detail = parsed.error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
  return {
    ok: false,
    error: { code: 'invalid-input', key: 'error.invalidInput', params: { detail, field } },
  };
}
