import zlib from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { Bitmap } from './pdf';
import {
  bitmapToHexGraphic,
  bitmapToMono,
  bitmapToZplGraphic,
  crc16Ccitt,
  decodePngGrey,
  encodeZ64,
  resampleArea,
  toMono,
} from './raster';

/** An RGBA bitmap from rows of grey levels. */
function bitmap(rows: number[][]): Bitmap {
  const height = rows.length;
  const width = rows[0]?.length ?? 0;
  const data = new Uint8ClampedArray(width * height * 4);
  rows.flat().forEach((grey, i) => data.set([grey, grey, grey, 255], i * 4));
  return { width, height, data };
}

const B = 0;
const W = 255;

describe('crc16Ccitt', () => {
  it('is CRC-16/XMODEM: the catalogue check value for "123456789" is 31C3', () => {
    expect(crc16Ccitt('123456789')).toBe(0x31c3);
    expect(crc16Ccitt('')).toBe(0);
  });
});

describe('encodeZ64', () => {
  it('is :Z64:, base64 of zlib data that inflates back, and the CRC of the base64 text', () => {
    const bytes = new Uint8Array(500).map((_, i) => (i * 37) % 256);
    const block = encodeZ64(bytes);
    const match = /^:Z64:([A-Za-z0-9+/]+=*):([0-9A-F]{4})$/.exec(block);
    expect(match).not.toBeNull();
    const [, base64, crc] = match as unknown as [string, string, string];
    expect(new Uint8Array(zlib.inflateSync(Buffer.from(base64, 'base64')))).toEqual(bytes);
    expect(crc).toBe(crc16Ccitt(base64).toString(16).toUpperCase().padStart(4, '0'));
  });

  it('compresses a mostly white label to a small fraction', () => {
    const block = encodeZ64(new Uint8Array(102 * 1218));
    expect(block.length).toBeLessThan(1000);
  });
});

describe('bitmapToMono', () => {
  it('packs black as 1, most significant bit first, each row padded with white to a byte', () => {
    // 10 wide: two bytes a row, the last 6 bits of each row padding.
    const mono = bitmapToMono(
      bitmap([
        [B, W, B, W, W, W, W, W, W, B],
        [W, B, W, W, W, W, W, W, B, W],
      ]),
    );
    expect(mono.bytesPerRow).toBe(2);
    expect([...mono.bits]).toEqual([0b10100000, 0b01000000, 0b01000000, 0b10000000]);
  });

  it('uses one fixed threshold: darker than 128 prints, 128 and lighter does not', () => {
    const mono = bitmapToMono(bitmap([[127, 128, 0, 255, 100, 200, 127, 128]]));
    expect(mono.bits[0]).toBe(0b10101010);
    expect(bitmapToMono(bitmap([[127, 99]]), 100).bits[0]).toBe(0b01000000);
  });

  it('does not dither: a flat mid-grey area comes out one colour, not a pattern', () => {
    const grey = Array.from({ length: 16 }, () => Array.from({ length: 16 }, () => 120));
    const mono = bitmapToMono(bitmap(grey));
    expect(new Set(mono.bits)).toEqual(new Set([0xff]));
  });

  it('treats transparent pixels as paper and weighs colours by luminance', () => {
    const data = new Uint8ClampedArray([0, 0, 0, 0, 255, 0, 0, 255, 0, 0, 255, 255]);
    // Transparent black is white paper; pure red (luma 76) prints; pure blue (luma 29) prints.
    expect(bitmapToMono({ width: 3, height: 1, data }).bits[0]).toBe(0b01100000);
  });
});

describe('toMono', () => {
  it('thresholds grey levels the same way, for resampled labels', () => {
    const image = {
      width: 9,
      height: 1,
      data: new Uint8Array([127, 128, 0, 255, 90, 200, 1, 254, 0]),
    };
    const mono = toMono(image);
    expect([mono.bytesPerRow, ...mono.bits]).toEqual([2, 0b10101010, 0b10000000]);
  });
});

describe('graphic fields', () => {
  const image = bitmap([
    [B, W, B, W, W, W, W, W, W, B],
    [W, B, W, W, W, W, W, W, B, W],
  ]);

  it('writes ^GFA with the byte total, bytes a row and a Z64 block of the packed rows', () => {
    const graphic = bitmapToZplGraphic(image);
    const match = /^\^GFA,4,4,2,(:Z64:.*)$/.exec(graphic);
    expect(match).not.toBeNull();
    const base64 = (match?.[1] ?? '').split(':')[2] ?? '';
    expect([...zlib.inflateSync(Buffer.from(base64, 'base64'))]).toEqual([0xa0, 0x40, 0x40, 0x80]);
  });

  it('writes the same graphic uncompressed as ASCII hex', () => {
    expect(bitmapToHexGraphic(image)).toBe('^GFA,4,4,2,A0404080');
  });
});

describe('resampleArea', () => {
  it('doubles a pixel into two without greying the edge between them', () => {
    const out = resampleArea({ width: 2, height: 1, data: new Uint8Array([0, 255]) }, 4, 2);
    expect([...out.data]).toEqual([0, 0, 255, 255, 0, 0, 255, 255]);
  });

  it('averages the source area each target pixel covers', () => {
    // Three pixels into two: the first covers one and a half source pixels.
    const out = resampleArea({ width: 3, height: 1, data: new Uint8Array([0, 255, 255]) }, 2, 1);
    expect([...out.data]).toEqual([85, 255]);
  });
});

describe('decodePngGrey', () => {
  it('reads a canvas-encoded PNG back to the same grey levels', async () => {
    const canvas = createCanvas(37, 5);
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, 37, 5);
    context.fillStyle = '#000';
    context.fillRect(3, 1, 10, 3);
    context.fillStyle = 'rgb(255,0,0)';
    context.fillRect(20, 0, 5, 5);
    const png = await canvas.encode('png');
    const grey = decodePngGrey(png);
    expect([grey.width, grey.height]).toEqual([37, 5]);
    const at = (x: number, y: number) => grey.data[y * 37 + x];
    expect([at(0, 0), at(3, 1), at(12, 3), at(13, 3), at(22, 2)]).toEqual([255, 0, 0, 255, 76]);
  });

  it('refuses what is not a PNG', () => {
    expect(() => decodePngGrey(Buffer.from('GIF89a........'))).toThrow(/PNG/);
  });
});
