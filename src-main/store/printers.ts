import type { PrinterDocument } from '../../src-shared';
import { statement, type Db } from './db';

/** A printer a packer set up, as stored. */
export interface PrinterRecord {
  id: string;
  name: string;
  transport: 'tcp' | 'usb' | 'cups' | 'windows';
  address: string;
  language: 'zpl' | 'pdf';
  dpi: 203 | 300 | 600;
  paper: 'A6' | 'A4';
  position: 0 | 1 | 2 | 3;
  createdAt: string;
}

interface PrinterRow {
  id: string;
  name: string;
  transport: PrinterRecord['transport'];
  address: string;
  language: PrinterRecord['language'];
  dpi: PrinterRecord['dpi'];
  paper: PrinterRecord['paper'];
  position: PrinterRecord['position'];
  created_at: string;
}

const fromRow = (row: PrinterRow): PrinterRecord => ({
  id: row.id,
  name: row.name,
  transport: row.transport,
  address: row.address,
  language: row.language,
  dpi: row.dpi,
  paper: row.paper,
  position: row.position,
  createdAt: row.created_at,
});

export function listPrinters(db: Db): PrinterRecord[] {
  const rows = statement(
    db,
    'SELECT * FROM printers ORDER BY created_at, rowid',
  ).all() as PrinterRow[];
  return rows.map(fromRow);
}

export function findPrinterByAddress(db: Db, address: string): PrinterRecord | null {
  const row = statement(db, 'SELECT * FROM printers WHERE address = @address').get({ address }) as
    PrinterRow | undefined;
  return row ? fromRow(row) : null;
}

/** Insert a printer, or update the one with this id. */
export function savePrinter(db: Db, printer: PrinterRecord): void {
  statement(
    db,
    `INSERT INTO printers (id, name, transport, address, language, dpi, paper, position, created_at)
     VALUES (@id, @name, @transport, @address, @language, @dpi, @paper, @position, @createdAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, transport = excluded.transport,
       address = excluded.address, language = excluded.language, dpi = excluded.dpi,
       paper = excluded.paper, position = excluded.position`,
  ).run(printer);
}

/** Remove a printer and every document routed to it. */
export function deletePrinter(db: Db, id: string): void {
  db.transaction(() => {
    statement(db, 'DELETE FROM printer_routes WHERE printer_id = @id').run({ id });
    statement(db, 'DELETE FROM printers WHERE id = @id').run({ id });
  })();
}

export function readRoutes(db: Db): Partial<Record<PrinterDocument, string>> {
  const rows = statement(db, 'SELECT document, printer_id FROM printer_routes').all() as {
    document: PrinterDocument;
    printer_id: string;
  }[];
  return Object.fromEntries(rows.map((row) => [row.document, row.printer_id]));
}

/** Send a document to a printer, or (null) to none. */
export function writeRoute(db: Db, document: PrinterDocument, printerId: string | null): void {
  if (printerId === null) {
    statement(db, 'DELETE FROM printer_routes WHERE document = @document').run({ document });
    return;
  }
  statement(
    db,
    `INSERT INTO printer_routes (document, printer_id) VALUES (@document, @printerId)
     ON CONFLICT (document) DO UPDATE SET printer_id = excluded.printer_id`,
  ).run({ document, printerId });
}
