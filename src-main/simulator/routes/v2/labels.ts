// v2 labels: the label URLs of a parcel or of several, and the PDFs behind them (A6 for label
// printers, an A4 sheet with the label in one of four positions for office printers).
import { isRecord, json, listParam, type Reply, type Route, type RouteContext } from '../../http';
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

/** Every parcel of a bulk request, or the 404 `{}` if one of them has no label (yet). */
function labelledAll(ctx: RouteContext, ids: readonly unknown[]): ParcelRecord[] | Reply {
  const parcels: ParcelRecord[] = [];
  for (const id of ids) {
    const found = /^\d+$/.test(String(id)) ? findParcel(ctx.account, Number(id)) : undefined;
    if (!found || found.parcel.announcedAt === null || ctx.now < found.parcel.readyAt)
      return json(404, {});
    parcels.push(found.parcel);
  }
  return parcels.length > 0 ? parcels : json(400, { message: 'No parcels given.' });
}

/** POST /labels: the URLs of one PDF holding the labels of several parcels. */
function bulkLabelUrls(ctx: RouteContext) {
  const label = isRecord(ctx.body) && isRecord(ctx.body.label) ? ctx.body.label : {};
  const parcels = labelledAll(ctx, Array.isArray(label.parcels) ? label.parcels : []);
  if (!Array.isArray(parcels)) return parcels;
  const base = `${ctx.origin}/api/v2/labels`;
  const ids = parcels.map((parcel) => parcel.id).join(',');
  return json(200, {
    label: {
      normal_printer: [0, 1, 2, 3].map(
        (position) => `${base}/normal_printer?ids=${ids}&start_from=${position}`,
      ),
      label_printer: `${base}/label_printer?ids=${ids}`,
    },
  });
}

async function bulkLabelPrinter(ctx: RouteContext) {
  const parcels = labelledAll(ctx, listParam(ctx.query, 'ids'));
  if (!Array.isArray(parcels)) return parcels;
  return pdf(
    await renderPdfLabels(
      parcels.map((p) => p.label),
      'A6',
    ),
    `labels-${parcels.length}`,
  );
}

async function bulkNormalPrinter(ctx: RouteContext) {
  const parcels = labelledAll(ctx, listParam(ctx.query, 'ids'));
  if (!Array.isArray(parcels)) return parcels;
  const startFrom = Number(ctx.query.get('start_from') ?? '0');
  if (![0, 1, 2, 3].includes(startFrom)) {
    return json(400, { message: 'start_from must be 0, 1, 2 or 3.' });
  }
  const bytes = await renderPdfLabels(
    parcels.map((p) => p.label),
    'A4',
    startFrom,
  );
  return pdf(bytes, `labels-${parcels.length}-a4`);
}

export const v2LabelRoutes: Route[] = [
  { method: 'POST', path: '/labels', handle: bulkLabelUrls },
  { method: 'GET', path: '/labels/label_printer', handle: bulkLabelPrinter },
  { method: 'GET', path: '/labels/normal_printer', handle: bulkNormalPrinter },
  { method: 'GET', path: '/labels/{parcel_id}', handle: labelUrls },
  { method: 'GET', path: '/labels/label_printer/{parcel_id}', handle: labelPrinter },
  { method: 'GET', path: '/labels/normal_printer/{parcel_id}', handle: normalPrinter },
  // The docs' examples link to the singular `/label/...`; accept it as an alias.
  { method: 'GET', path: '/label/label_printer/{parcel_id}', handle: labelPrinter },
  { method: 'GET', path: '/label/normal_printer/{parcel_id}', handle: normalPrinter },
];
