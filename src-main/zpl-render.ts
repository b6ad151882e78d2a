// ZPL to a picture, for the virtual printer, previews and conversions, and for the simulator's
// PDF labels: a leaf both the station and the simulator may use.
type ZplApi = {
  zplToBase64Async: (
    zpl: string,
    widthMm?: number,
    heightMm?: number,
    dpmm?: number,
  ) => Promise<string>;
};

// zpl-renderer-js carries a ~9 MB WASM: load it only when a picture is asked for.
let api: Promise<ZplApi> | undefined;

/**
 * Render a 4×6 inch ZPL label to PNG at the label's own resolution. The renderer works in
 * whole dots per millimetre, so the size is given in dots / dpmm to get exactly 4·dpi × 6·dpi
 * pixels (812 × 1218 at 203 dpi) rather than a rounded-up millimetre size.
 */
export async function renderZplToPng(zpl: string | Buffer, dpi = 203): Promise<Buffer> {
  api ??= import('zpl-renderer-js').then(async (module) => (await module.ready).api);
  const dotsPerMm = Math.round(dpi / 25.4);
  const width = Math.round(4 * dpi) / dotsPerMm;
  const height = Math.round(6 * dpi) / dotsPerMm;
  const base64 = await (await api).zplToBase64Async(zpl.toString(), width, height, dotsPerMm);
  return Buffer.from(base64, 'base64');
}
