// Label documents are real files: PDF pages at their paper size, native ZPL, PNG, and bulk
// downloads with a page per parcel.
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src-main/simulator/index';
import { manualClock } from '../helpers/clock';
import { rawApi, type RawApi } from '../helpers/raw-api';

const MM = 72 / 25.4;

async function pageSizesMm(pdf: Buffer): Promise<[number, number][]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().map((page) => {
    const box = page.getMediaBox();
    return [Math.round(box.width / MM), Math.round(box.height / MM)];
  });
}

describe('simulator label documents', () => {
  let sim: Simulator;
  let api: RawApi;
  let pdfParcel: number;
  let zplParcel: number;

  const label = async (index: number, mime: string) => {
    const response = await api.post('/api/v3/orders/create-label-sync', {
      integration_id: sim.integrationId,
      // Orders of carriers with native ZPL: a PDF-only carrier answers a ZPL request with a PDF.
      order: {
        order_number:
          sim.orders().filter((o) => !o.shipping_option_code.startsWith('colissimo:'))[index]
            ?.order_number ?? '',
      },
      label_details: { mime_type: mime, dpi: mime === 'application/zpl' ? 203 : 72 },
    });
    expect(response.status).toBe(201);
    return (response.json as { data: { parcel_id: number } }).data.parcel_id;
  };

  beforeAll(async () => {
    sim = await startSimulator({
      clock: manualClock(),
      orderCount: 12,
      labelResponse: 'schema',
      validateResponses: true,
    });
    api = rawApi(sim);
    pdfParcel = await label(0, 'application/pdf');
    zplParcel = await label(1, 'application/zpl');
  });
  afterAll(async () => {
    await sim.close();
  });

  const document = (id: number, query = '', accept = 'application/pdf') =>
    api.get(`/api/v3/parcels/${id}/documents/label${query}`, { Accept: accept });

  it('renders a PDF label on one A6 page (105 × 148 mm) by default and on A6 when asked', async () => {
    const native = await document(pdfParcel);
    expect(native.headers.get('content-type')).toBe('application/pdf');
    expect(await pageSizesMm(native.bytes)).toEqual([[105, 148]]);
    expect(native.bytes.equals(sim.ledger[0]?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect(await pageSizesMm((await document(pdfParcel, '?paper_size=A6')).bytes)).toEqual([
      [105, 148],
    ]);
  });

  it('places the label on an A4 page (210 × 297 mm) and an A5 page when asked', async () => {
    expect(await pageSizesMm((await document(pdfParcel, '?paper_size=A4')).bytes)).toEqual([
      [210, 297],
    ]);
    expect(await pageSizesMm((await document(pdfParcel, '?paper_size=A5')).bytes)).toEqual([
      [148, 210],
    ]);
  });

  it('serves a PNG as a PNG, and a native ZPL label only as ZPL at 203 dpi', async () => {
    const png = await document(pdfParcel, '', 'image/png');
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.bytes.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([812, 1218]);
    const zpl = await document(zplParcel, '', 'application/pdf');
    expect(zpl.headers.get('content-type')).toBe('application/zpl');
    expect(zpl.bytes.toString('utf8')).toMatch(/^\^XA[\s\S]*\^PW812[\s\S]*\^XZ\n$/);
  });

  it('follows the dpi rules: PDF only at 72, PNG at 150 or 300', async () => {
    const pdf300 = await document(pdfParcel, '?dpi=300');
    expect(pdf300.status).toBe(400);
    expect(pdf300.json).toMatchObject({
      errors: [{ code: 'invalid', source: { parameter: 'dpi' } }],
    });
    expect((await document(pdfParcel, '?dpi=150', 'image/png')).status).toBe(200);
    expect((await document(pdfParcel, '?dpi=72', 'image/png')).status).toBe(400);
    expect((await document(zplParcel, '?dpi=600', 'application/zpl')).status).toBe(200);
  });

  it('bundles up to 20 parcels in one PDF with a page each, or in one ZPL stream', async () => {
    const second = await label(2, 'application/pdf');
    const bulk = await api.get(
      `/api/v3/parcel-documents/label?parcels=${pdfParcel}&parcels=${second}`,
    );
    expect(bulk.status).toBe(200);
    expect(await pageSizesMm(bulk.bytes)).toEqual([
      [105, 148],
      [105, 148],
    ]);
    const a4 = await api.get(
      `/api/v3/parcel-documents/label?parcels=${pdfParcel},${second}&paper_size=A4`,
    );
    expect(await pageSizesMm(a4.bytes)).toEqual([
      [210, 297],
      [210, 297],
    ]);
    const third = await label(3, 'application/zpl');
    const zpl = await api.get(
      `/api/v3/parcel-documents/label?parcels=${zplParcel}&parcels=${third}`,
      {
        Accept: 'application/zpl',
      },
    );
    expect(zpl.headers.get('content-type')).toBe('application/zpl');
    expect(zpl.bytes.toString('utf8').match(/\^XA/g)).toHaveLength(2);
    const tooMany = Array.from({ length: 21 }, () => `parcels=${pdfParcel}`).join('&');
    expect((await api.get(`/api/v3/parcel-documents/label?${tooMany}`)).status).toBe(400);
  });

  it('answers an unknown parcel and a missing customs document with the documented 404', async () => {
    const unknown = await document(999);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({
      errors: [{ code: 'not_found', status: '404', detail: 'No Parcel matches the given query.' }],
    });
    const customs = await api.get(`/api/v3/parcels/${pdfParcel}/documents/customs-declaration`);
    expect(customs.status).toBe(404);
  });

  it('serves v2 label-printer (A6) and normal-printer (A4) PDFs', async () => {
    const a6 = await api.get(`/api/v2/labels/label_printer/${pdfParcel}`);
    expect(await pageSizesMm(a6.bytes)).toEqual([[105, 148]]);
    const a4 = await api.get(`/api/v2/labels/normal_printer/${pdfParcel}?start_from=3`);
    expect(await pageSizesMm(a4.bytes)).toEqual([[210, 297]]);
  });

  it('answered all of the above as the spec documents', () => {
    // The one request the spec refuses is the deliberate 21-parcel bulk download above.
    expect(sim.violations.filter((v) => v.direction === 'response')).toEqual([]);
    expect(sim.violations.filter((v) => v.direction === 'request')).toMatchObject([
      { method: 'GET', path: '/api/v3/parcel-documents/label', status: 400 },
    ]);
  });
});
