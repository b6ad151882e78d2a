// zpl-renderer-js carries a ~9 MB WASM: load it only when a preview is asked for.
let api:
  | Promise<{
      zplToBase64Async: (zpl: string, w?: number, h?: number, dpmm?: number) => Promise<string>;
    }>
  | undefined;

/** Render a ZPL label to PNG, 4×6 inches at the label's own resolution. */
export async function renderZplToPng(zpl: string | Buffer, dpi = 203): Promise<Buffer> {
  api ??= import('zpl-renderer-js').then((module) => module.ready).then((ready) => ready.api);
  const dotsPerMm = Math.round(dpi / 25.4);
  const base64 = await (await api).zplToBase64Async(zpl.toString(), 101.6, 152.4, dotsPerMm);
  return Buffer.from(base64, 'base64');
}
