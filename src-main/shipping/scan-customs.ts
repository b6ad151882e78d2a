// What a customs order's scan says once its label is printed: "label + customs documents
// printed" when both are, else that the documents are printing or wait (and why).
import { msg, type ScanEntry } from '../../src-shared';
import type { Db } from '../store/db';
import { documentsJobFor, shipmentDocuments } from '../store/shipment-documents';

export function withCustomsDocuments(db: Db, scan: ScanEntry, parcelId: number | null): ScanEntry {
  if (scan.state !== 'printed' || scan.reprint || parcelId === null) return scan;
  const documents = shipmentDocuments(db, parcelId);
  if (documents.length === 0) return scan;
  if (documents.every((document) => document.printedAt !== null)) {
    return { ...scan, step: msg('customs.scan.printed'), waitingReason: null };
  }
  const job = documentsJobFor(db, parcelId);
  const stuck = job !== null && (job.state === 'waiting' || job.state === 'needs-attention');
  return stuck
    ? { ...scan, step: msg('customs.scan.documentsWaiting'), waitingReason: job.reason }
    : { ...scan, step: msg('customs.scan.documentsPrinting'), waitingReason: null };
}
