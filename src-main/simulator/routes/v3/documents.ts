// v3 parcel documents: one parcel's label as PDF (A6, A5 or A4 paper), native ZPL or PNG, chosen
// by the Accept header; and up to 20 labels at once as one PDF or concatenated ZPL.
import { invalidParameter, v3Errors } from '../../errors';
import { listParam, v3Fail, type Reply, type Route, type RouteContext } from '../../http';
import { renderPdfLabels, type LabelFormat, type PaperSize } from '../../labels';
import { documentBytes, formatOfMime, MIME } from '../../shipping';
import { findParcel, type ParcelRecord } from '../../state';
import { customsDocumentBytes, customsDocumentsFor, type CustomsDocument } from '../../customs';

const TYPES = ['label', 'customs-declaration', 'air-waybill'];
const PAPERS: readonly string[] = ['A4', 'A5', 'A6'];

function checkType(ctx: RouteContext) {
  if (!TYPES.includes(ctx.params.type ?? '')) throw v3Fail(400, v3Errors.invalidDocumentType);
}

export function acceptedFormat(accept: string | undefined): LabelFormat {
  for (const part of (accept ?? '').split(',')) {
    const format = formatOfMime(part.split(';')[0]?.trim().toLowerCase() ?? '');
    if (format) return format;
  }
  return 'pdf';
}

function paperOf(ctx: RouteContext): PaperSize {
  const paper = ctx.query.get('paper_size') ?? 'A6';
  if (!PAPERS.includes(paper)) {
    throw v3Fail(
      400,
      invalidParameter('paper_size', `"${paper}" is not a valid choice.`, 'invalid_choice'),
    );
  }
  return paper as PaperSize;
}

/** The label of a parcel that has one ready, or the documented 404. */
function labelParcel(ctx: RouteContext, id: string, type: string): ParcelRecord {
  const found = /^\d+$/.test(id) ? findParcel(ctx.account, Number(id)) : undefined;
  if (!found) throw v3Fail(404, v3Errors.parcelNotFound);
  const { parcel } = found;
  // Domestic EU parcels carry no customs papers; a label that is still being made is not there yet.
  if (type !== 'label' || parcel.announcedAt === null || ctx.now < parcel.readyAt) {
    throw v3Fail(404, v3Errors.documentNotAvailable);
  }
  return parcel;
}

/** dpi rules from the spec: PDF only 72; PNG 150 or 300; ZPL is whatever the carrier makes. */
function checkDpi(ctx: RouteContext, format: LabelFormat) {
  const dpi = ctx.query.get('dpi');
  if (dpi === null || format === 'zpl') return;
  const allowed = format === 'pdf' ? ['72'] : ['150', '300'];
  if (!allowed.includes(dpi)) {
    throw v3Fail(
      400,
      invalidParameter(
        'dpi',
        `${format.toUpperCase()} documents are available at ${allowed.join(' or ')} dpi, not ${dpi}.`,
      ),
    );
  }
}

const binary = (bytes: Buffer, format: LabelFormat, name: string): Reply => ({
  status: 200,
  binary: { bytes, contentType: MIME[format], filename: `${name}.${format}` },
});

/** A customs parcel's declaration or air waybill: always a PDF on A4, whatever is asked. */
async function customsDocument(ctx: RouteContext, id: string, type: CustomsDocument) {
  const found = /^\d+$/.test(id) ? findParcel(ctx.account, Number(id)) : undefined;
  if (!found) throw v3Fail(404, v3Errors.parcelNotFound);
  const { parcel, shipment } = found;
  const ready = parcel.announcedAt !== null && ctx.now >= parcel.readyAt;
  if (!ready || !customsDocumentsFor(shipment.to.country_code).includes(type)) {
    throw v3Fail(404, v3Errors.documentNotAvailable);
  }
  return binary(await customsDocumentBytes(shipment, parcel, type), 'pdf', `${type}-${id}`);
}

async function oneDocument(ctx: RouteContext) {
  const id = ctx.params.id ?? '';
  const type = ctx.params.type ?? '';
  if (type === 'customs-declaration' || type === 'air-waybill') {
    return customsDocument(ctx, id, type);
  }
  const parcel = labelParcel(ctx, id, ctx.params.type ?? '');
  const asked = acceptedFormat(ctx.headers.accept);
  checkDpi(ctx, asked);
  const paper = paperOf(ctx);
  // A label first made as native ZPL can only ever be served as ZPL (spec, Accept header).
  // A carrier without native ZPL has none to give: its PDF comes back, as create-label-sync does.
  const format = parcel.native === 'zpl' ? 'zpl' : asked === 'zpl' && !parcel.zpl ? 'pdf' : asked;
  return binary(await documentBytes(parcel, format, paper), format, `label-${id}`);
}

async function bulkDocuments(ctx: RouteContext) {
  const ids = listParam(ctx.query, 'parcels');
  if (ids.length < 1 || ids.length > 20) {
    throw v3Fail(
      400,
      invalidParameter('parcels', 'Between 1 and 20 parcels can be requested at once.'),
    );
  }
  const type = ctx.params.type ?? '';
  const parcels = ids.map((id) => labelParcel(ctx, id, type));
  const asked = acceptedFormat(ctx.headers.accept);
  const paper = paperOf(ctx);
  const allZpl = parcels.every((parcel) => parcel.native === 'zpl');
  const format: LabelFormat = allZpl
    ? 'zpl'
    : asked === 'zpl' && parcels.some((parcel) => !parcel.zpl)
      ? 'pdf'
      : asked;
  if (format === 'png') {
    throw v3Fail(
      400,
      invalidParameter('parcels', 'Several labels come as one PDF or ZPL file, not PNG.'),
    );
  }
  if (format === 'pdf' && parcels.some((parcel) => parcel.native === 'zpl')) {
    throw v3Fail(
      400,
      invalidParameter(
        'parcels',
        'Labels made as ZPL can only be downloaded as ZPL; ask for application/zpl.',
      ),
    );
  }
  const bytes =
    format === 'zpl'
      ? Buffer.concat(
          await Promise.all(parcels.map((parcel) => documentBytes(parcel, 'zpl', paper))),
        )
      : await renderPdfLabels(
          parcels.map((parcel) => parcel.label),
          paper,
        );
  return binary(bytes, format, `labels-${ids.length}`);
}

export const documentRoutes: Route[] = [
  { method: 'GET', path: '/parcels/{id}/documents/{type}', check: checkType, handle: oneDocument },
  { method: 'GET', path: '/parcel-documents/{type}', check: checkType, handle: bulkDocuments },
];
