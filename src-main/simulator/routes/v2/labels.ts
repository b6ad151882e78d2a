// v2 labels: the label URLs of a parcel, and the PDFs behind them (A6 for label printers, an A4
// sheet with the label in one of four positions for office printers).
import { json, type Reply, type Route, type RouteContext } from '../../http';
import { renderPdfLabels } from '../../labels';
import { documentBytes, v2LabelUrls } from '../../shipping';
import { findParcel, type ParcelRecord } from '../../state';

/** v2 labels answer an unknown or unlabelled parcel with an empty object. */
function labelled(ctx: RouteContext): ParcelRecord | Reply {
  const id = ctx.params.parcel_id ?? '';
  const found = /^\d+$/.test(id) ? findParcel(ctx.account, Number(id)) : undefined;
  if (!found || found.parcel.announcedAt === null || ctx.now < found.parcel.readyAt)
    return json(404, {});
  return found.parcel;
}

const pdf = (bytes: Buffer, name: string): Reply => ({
  status: 200,
  binary: { bytes, contentType: 'application/pdf', filename: `${name}.pdf` },
});

async function labelPrinter(ctx: RouteContext) {
  const parcel = labelled(ctx);
  if (!('id' in parcel)) return parcel;
  return pdf(await documentBytes(parcel, 'pdf', 'A6'), `label-${parcel.id}`);
}

async function normalPrinter(ctx: RouteContext) {
  const parcel = labelled(ctx);
  if (!('id' in parcel)) return parcel;
  const startFrom = Number(ctx.query.get('start_from') ?? '0');
  if (![0, 1, 2, 3].includes(startFrom)) {
    return json(400, { message: 'start_from must be 0, 1, 2 or 3.' });
  }
  const bytes =
    startFrom === 0
      ? await documentBytes(parcel, 'pdf', 'A4')
      : await renderPdfLabels([parcel.label], 'A4', startFrom);
  return pdf(bytes, `label-${parcel.id}-a4`);
}

function labelUrls(ctx: RouteContext) {
  const parcel = labelled(ctx);
  if (!('id' in parcel)) return parcel;
  return json(200, { label: v2LabelUrls(ctx, parcel.id), customs_declaration: {} });
}

export const v2LabelRoutes: Route[] = [
  { method: 'GET', path: '/labels/{parcel_id}', handle: labelUrls },
  { method: 'GET', path: '/labels/label_printer/{parcel_id}', handle: labelPrinter },
  { method: 'GET', path: '/labels/normal_printer/{parcel_id}', handle: normalPrinter },
  // The docs' examples link to the singular `/label/...`; accept it as an alias.
  { method: 'GET', path: '/label/label_printer/{parcel_id}', handle: labelPrinter },
  { method: 'GET', path: '/label/normal_printer/{parcel_id}', handle: normalPrinter },
];
