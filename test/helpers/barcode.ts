// Barcode proofs: read the Code 128 symbols off a picture of what a printer would print, the way a
// carrier's scanner would, with a reader that shares no code with the label pipeline.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import zxing, { type DecodeHintType as HintType } from '@zxing/library';
import { renderPdfToBitmap, type Bitmap } from '../../src-main/printing/pdf';

// The package's ESM build is not wired for Node: its CommonJS build, as one object.
const {
  BinaryBitmap,
  Code128Reader,
  DecodeHintType,
  HybridBinarizer,
  NotFoundException,
  RGBLuminanceSource,
} = zxing;

export interface FoundBarcode {
  text: string;
  /** The scan line the symbol was read on, and where it starts and ends on it, in pixels. */
  row: number;
  left: number;
  right: number;
}

/** Every barcode in a PNG or RGBA bitmap, top to bottom as found. */
export async function decodeBarcodes(image: Buffer | Bitmap, max = 8): Promise<string[]> {
  return (await findBarcodes(image, max)).map((found) => found.text);
}

/** Up to `max` symbols: a label holds a few, a hand-over list's page a dozen. */
export async function findBarcodes(image: Buffer | Bitmap, max = 8): Promise<FoundBarcode[]> {
  const bitmap = Buffer.isBuffer(image) ? await decodePng(image) : image;
  const { width, height } = bitmap;
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0; i < luminance.length; i++) {
    const p = i * 4;
    luminance[i] =
      (bitmap.data[p]! * 299 + bitmap.data[p + 1]! * 587 + bitmap.data[p + 2]! * 114) / 1000;
  }
  // Code 128 only, as a parcel scanner is set up; TRY_HARDER scans every row, both ways up.
  const reader = new Code128Reader();
  const hints = new Map<HintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
  const found: FoundBarcode[] = [];
  // The reader returns one symbol; blank each one found and look again for the next.
  for (let attempt = 0; attempt < max; attempt++) {
    const source = new RGBLuminanceSource(luminance, width, height);
    let result;
    try {
      result = reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
    } catch (error) {
      if (error instanceof NotFoundException) break;
      throw error;
    }
    const points = result.getResultPoints();
    const xs = points.map((point) => point.getX());
    const row = Math.round(points[0]?.getY() ?? 0);
    const left = Math.min(...xs);
    const right = Math.max(...xs);
    found.push({ text: result.getText(), row, left, right });
    blank(luminance, width, height, row, left, right);
  }
  return found;
}

/** Whiten the symbol around a scan line: its span plus quiet zones, up and down to white rows. */
function blank(
  luminance: Uint8ClampedArray,
  width: number,
  height: number,
  row: number,
  left: number,
  right: number,
): void {
  const margin = Math.ceil((right - left) * 0.1);
  const x0 = Math.max(0, Math.floor(left - margin));
  const x1 = Math.min(width - 1, Math.ceil(right + margin));
  const dark = (y: number) => {
    for (let x = x0; x <= x1; x++) if (luminance[y * width + x]! < 128) return true;
    return false;
  };
  const clear = (y: number) => luminance.fill(255, y * width + x0, y * width + x1 + 1);
  for (let y = row; y < height && dark(y); y++) clear(y);
  for (let y = row - 1; y >= 0 && dark(y); y--) clear(y);
}

async function decodePng(png: Buffer): Promise<Bitmap> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  return { width: image.width, height: image.height, data };
}

/** A PNG's size in pixels, read from its header. */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** One page of a PDF as a printer at `dpi` would put it on paper. */
export function renderPdfPage(pdf: Uint8Array, dpi: number, page = 1): Promise<Bitmap> {
  return renderPdfToBitmap(pdf, { dpi, page });
}
