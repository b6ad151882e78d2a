// v3 parcel documents: one parcel's label, customs declaration or air waybill, or one document
// type for up to 20 parcels at once, in the format the Accept header asks for.
import type { RequestPriority } from '../rate-limit';
import { badAnswer, type Sender } from '../sender';
import { mimeTypes, type LabelFormat } from './ship-an-order';

export type DocumentType = 'label' | 'customs-declaration' | 'air-waybill';
export type PaperSize = 'A4' | 'A5' | 'A6';

export interface ParcelDocumentOptions {
  format: LabelFormat;
  /** PDF is 72 only; PNG 150 or 300; ZPL ignores it (the carrier decides). */
  dpi?: number;
  /** Omitted: the document's own size (A6 for labels, A4 for customs). */
  paperSize?: PaperSize;
}

export function documentsApi(sender: Sender) {
  async function fetchDocument(
    path: string,
    search: URLSearchParams,
    format: LabelFormat,
    priority?: RequestPriority,
  ) {
    const response = await sender.send({
      method: 'GET',
      path,
      query: search,
      accept: mimeTypes[format],
      ...(priority ? { priority } : {}),
    });
    if (response.body.length === 0) throw badAnswer(`GET ${path}`, 'an empty document.', response);
    return response.body;
  }

  return {
    /** A label first made as native ZPL stays ZPL whatever Accept asks for. */
    async getParcelDocument(
      parcelId: number,
      type: DocumentType,
      opts: ParcelDocumentOptions,
    ): Promise<Buffer> {
      const search = new URLSearchParams();
      if (opts.dpi !== undefined) search.set('dpi', String(opts.dpi));
      if (opts.paperSize !== undefined) search.set('paper_size', opts.paperSize);
      return fetchDocument(`/parcels/${parcelId}/documents/${type}`, search, opts.format);
    },

    /** One document holding `type` for 1..20 parcels; the endpoint takes no dpi. */
    async getParcelDocuments(
      parcelIds: number[],
      type: DocumentType,
      opts: Omit<ParcelDocumentOptions, 'dpi'> & { priority?: RequestPriority },
    ): Promise<Buffer> {
      if (parcelIds.length < 1 || parcelIds.length > 20) {
        throw new RangeError(`Bulk documents take 1 to 20 parcels, not ${parcelIds.length}.`);
      }
      // An OpenAPI array query parameter with default style: one `parcels=` per id.
      const search = new URLSearchParams();
      for (const id of parcelIds) search.append('parcels', String(id));
      if (opts.paperSize !== undefined) search.set('paper_size', opts.paperSize);
      return fetchDocument(`/parcel-documents/${type}`, search, opts.format, opts.priority);
    },
  };
}
