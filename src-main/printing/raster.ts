// Labels as ZPL pictures: a bitmap becomes a one-bit ^GF graphic a thermal printer prints dot for
// dot, which is how a PDF label or a label made for another resolution reaches a ZPL printer.
import zlib from 'node:zlib';
import { renderPdfToBitmap, type Bitmap } from './pdf';
import { renderZplToPng } from '../zpl-render';
import { rasterPool } from './raster-pool';

/** Label stock: 4×6 inches. */
const LABEL_IN = { width: 4, height: 6 } as const;

/** Grey levels, one byte a pixel, 0 black … 255 white. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** One bit a dot, 1 = black, each row padded with white to a whole byte: ^GF's layout. */
export interface MonoImage {
  width: number;
  height: number;
  bytesPerRow: number;
  bits: Uint8Array;
}

export interface ThresholdOptions {
  /** Pixels darker than this (0–255) print black. */
  threshold?: number;
}

export const DEFAULT_THRESHOLD = 128;

/**
 * One fixed threshold, no dithering: a bar edge lands on the nearest dot and every bar keeps its
 * width, where error diffusion would fray the edges a scanner reads.
 */
export function toMono(image: GreyImage, threshold = DEFAULT_THRESHOLD): MonoImage {
  const { width, height, data } = image;
  const bytesPerRow = Math.ceil(width / 8);
  const bits = new Uint8Array(bytesPerRow * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const out = y * bytesPerRow;
    for (let x = 0; x < width; x++) {
      if (data[row + x]! < threshold) bits[out + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width, height, bytesPerRow, bits };
}

/**
 * The same threshold on an RGBA bitmap's luminance (Rec. 601, composited on white paper), in one
 * integer pass: this runs on every dot of every converted label.
 */
export function bitmapToMono(bitmap: Bitmap, threshold = DEFAULT_THRESHOLD): MonoImage {
  const { width, height, data } = bitmap;
  const bytesPerRow = Math.ceil(width / 8);
  const bits = new Uint8Array(bytesPerRow * height);
  // Luma scaled by 1000, alpha-blended on white scaled by a further 255: no division per dot.
  const limit = threshold * 1000 * 255;
  for (let y = 0, p = 0; y < height; y++) {
    const out = y * bytesPerRow;
    for (let x = 0; x < width; x++, p += 4) {
      const luma = 299 * data[p]! + 587 * data[p + 1]! + 114 * data[p + 2]!;
      const onPaper = 255_000 * 255 - (255_000 - luma) * data[p + 3]!;
      if (onPaper < limit) bits[out + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width, height, bytesPerRow, bits };
}

/** CRC-16/XMODEM (CCITT polynomial 0x1021, start 0): what Zebra checks a Z64 block with. */
export function crc16Ccitt(text: string): number {
  let crc = 0;
  for (let i = 0; i < text.length; i++) {
    crc ^= text.charCodeAt(i) << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

/**
 * Zebra's Z64 block: `:Z64:` + base64 of the zlib-deflated bytes + `:` + the CRC of the base64
 * text as four uppercase hex digits (ZPL II Programming Guide, "B64 and Z64 Encoding").
 */
export function encodeZ64(bytes: Uint8Array): string {
  const base64 = zlib.deflateSync(bytes).toString('base64');
  return `:Z64:${base64}:${crc16Ccitt(base64).toString(16).toUpperCase().padStart(4, '0')}`;
}

function graphicField(mono: MonoImage, data: string): string {
  const total = mono.bits.length;
  return `^GFA,${total},${total},${mono.bytesPerRow},${data}`;
}

/** A ^GF graphic field of the bitmap, Z64-compressed: what the printers receive. */
export function bitmapToZplGraphic(bitmap: Bitmap, options: ThresholdOptions = {}): string {
  const mono = bitmapToMono(bitmap, options.threshold);
  return graphicField(mono, encodeZ64(mono.bits));
}

/** The same graphic as plain ASCII hex, two characters a byte: the size Z64 is measured against. */
export function bitmapToHexGraphic(bitmap: Bitmap, options: ThresholdOptions = {}): string {
  const mono = bitmapToMono(bitmap, options.threshold);
  return graphicField(mono, Buffer.from(mono.bits).toString('hex').toUpperCase());
}

/** A whole label holding one graphic at the top left. */
export function graphicLabel(graphic: string, width: number, height: number): Buffer {
  return Buffer.from(`^XA^PW${width}^LL${height}^FO0,0${graphic}^FS^XZ\n`, 'latin1');
}

/**
 * A PDF label as ZPL for a printer at `dpi`, drawn in a raster worker thread: the first page rendered to exactly 4×6 inches
 * (812×1218 dots at 203 dpi, 1200×1800 at 300). An A6 page (105×148 mm) is 3 mm wider than the
 * label, so it is scaled to the label's width (97%) and centred with thin white bands top and
 * bottom, rather than cropped: a carrier's label may print to the page edge.
 */
export async function pdfToZpl(pdf: Uint8Array, { dpi }: { dpi: number }): Promise<Buffer> {
  return (await rasterPool.run({ kind: 'pdf-to-zpl', pdf, dpi })).bytes;
}

/** pdfToZpl in this thread: what the raster worker runs, and the benchmark's baseline. */
export async function pdfToZplInThread(pdf: Uint8Array, { dpi }: { dpi: number }): Promise<Buffer> {
  const bitmap = await renderPdfToBitmap(pdf, {
    dpi,
    fit: { widthIn: LABEL_IN.width, heightIn: LABEL_IN.height },
  });
  return graphicLabel(bitmapToZplGraphic(bitmap), bitmap.width, bitmap.height);
}

/**
 * A native ZPL label for a printer of another resolution. The ZPL draws in dots, so sent as it
 * is a 203 dpi label prints at two-thirds size on a 300 dpi printer; instead it is rendered at its
 * own resolution, resampled to the printer's and sent as a picture of the full 4×6 inches. Drawn
 * in a raster worker thread: rendering and resampling take a few hundred milliseconds.
 */
export async function rescaleZplLabel(
  zpl: Buffer,
  { fromDpi, toDpi }: { fromDpi: number; toDpi: number },
): Promise<Buffer> {
  return (await rasterPool.run({ kind: 'rescale-zpl', zpl, fromDpi, toDpi })).bytes;
}

/** rescaleZplLabel in this thread, as the raster worker runs it. */
export async function rescaleZplLabelInThread(
  zpl: Buffer,
  { fromDpi, toDpi }: { fromDpi: number; toDpi: number },
): Promise<Buffer> {
  const source = decodePngGrey(await renderZplToPng(zpl, fromDpi));
  const width = Math.round(LABEL_IN.width * toDpi);
  const height = Math.round(LABEL_IN.height * toDpi);
  const mono = toMono(resampleArea(source, width, height));
  return graphicLabel(graphicField(mono, encodeZ64(mono.bits)), width, height);
}

/**
 * Box-filter resampling: each target pixel is the area-weighted mean of the source pixels it
 * covers, thresholded afterwards. On the simulator's labels at 203 → 300 and 600 dpi this and
 * nearest-neighbour both decoded 10 of 10 and put every bar edge within half a dot; the box
 * filter is kept because when shrinking (300 → 203) it weighs every source dot, where
 * nearest-neighbour skips every third column outright.
 */
export function resampleArea(image: GreyImage, width: number, height: number): GreyImage {
  const horizontal = resampleRows(image.data, image.width, image.height, width);
  const transposed = transpose(horizontal, width, image.height);
  const vertical = resampleRows(transposed, image.height, width, height);
  return { width, height, data: transpose(vertical, height, width) };
}

/** Resample every row of a `width`×`rows` image to `target` pixels. */
function resampleRows(data: Uint8Array, width: number, rows: number, target: number): Uint8Array {
  const out = new Uint8Array(target * rows);
  const step = width / target;
  // Per target pixel: the source span [start, end) it covers, in source pixels.
  for (let x = 0; x < target; x++) {
    const start = x * step;
    const end = start + step;
    const first = Math.floor(start);
    const last = Math.min(width - 1, Math.ceil(end) - 1);
    for (let y = 0; y < rows; y++) {
      const row = y * width;
      let sum = 0;
      for (let s = first; s <= last; s++) {
        const cover = Math.min(end, s + 1) - Math.max(start, s);
        sum += data[row + s]! * cover;
      }
      out[y * target + x] = Math.round(sum / step);
    }
  }
  return out;
}

function transpose(data: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out[x * height + y] = data[y * width + x]!;
  }
  return out;
}

/**
 * Decode a PNG as grey levels: 8-bit grey, grey+alpha, RGB or RGBA, not interlaced, which covers
 * what zpl-renderer-js and canvas encoders write. Alpha is composited on white.
 */
export function decodePngGrey(png: Buffer): GreyImage {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('Not a PNG image.');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colourType = body[9]!;
      if (body[8] !== 8 || body[12] !== 0 || ![0, 2, 4, 6].includes(colourType)) {
        throw new Error(`Unsupported PNG: depth ${body[8]}, colour type ${colourType}.`);
      }
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colourType]!;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = unfilter(raw, stride, height, channels);
  const grey = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < grey.length; i++, p += channels) {
    const luma =
      channels >= 3
        ? (299 * pixels[p]! + 587 * pixels[p + 1]! + 114 * pixels[p + 2]!) / 1000
        : pixels[p]!;
    const alpha = channels === 2 || channels === 4 ? pixels[p + channels - 1]! : 255;
    grey[i] = Math.round(255 - ((255 - luma) * alpha) / 255);
  }
  return { width, height, data: grey };
}

/** Undo PNG's per-row filters (None, Sub, Up, Average, Paeth). */
function unfilter(raw: Buffer, stride: number, height: number, bpp: number): Uint8Array {
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp]! : 0;
      const b = y > 0 ? out[prev + x]! : 0;
      const c = x >= bpp && y > 0 ? out[prev + x - bpp]! : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = a;
          break;
        case 2:
          predictor = b;
          break;
        case 3:
          predictor = (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`Bad PNG row filter ${filter}.`);
      }
      out[row + x] = (raw[src + x]! + predictor) & 0xff;
    }
  }
  return out;
}
