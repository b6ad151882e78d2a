// Scan feedback a packer hears without looking: one short high beep for a printed label, a low
// double buzz for a failure, two rising mid tones for a scan kept in the outbox. Oscillators only,
// so there are no audio files to load or ship.

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null;
  context ??= new AudioContext();
  // Browsers start the context suspended until a user gesture; a scan's keydown counts as one.
  if (context.state === 'suspended') void context.resume();
  return context;
}

function tone(
  ctx: AudioContext,
  start: number,
  durationS: number,
  frequency: number,
  type: OscillatorType,
  volume: number,
): void {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = type;
  oscillator.frequency.value = frequency;
  // Short ramps in and out so the tone does not click.
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(volume, start + 0.01);
  gain.gain.setValueAtTime(volume, start + durationS - 0.02);
  gain.gain.linearRampToValueAtTime(0, start + durationS);
  oscillator.connect(gain).connect(ctx.destination);
  oscillator.start(start);
  oscillator.stop(start + durationS);
}

export function playPrinted(): void {
  const ctx = audio();
  if (!ctx) return;
  tone(ctx, ctx.currentTime, 0.12, 1760, 'sine', 0.35);
}

/** Neither the triumph of a print nor the alarm of a failure: "got it, later". */
export function playQueued(): void {
  const ctx = audio();
  if (!ctx) return;
  const now = ctx.currentTime;
  tone(ctx, now, 0.13, 587, 'triangle', 0.35);
  tone(ctx, now + 0.17, 0.16, 880, 'triangle', 0.35);
}

export function playFailed(): void {
  const ctx = audio();
  if (!ctx) return;
  const now = ctx.currentTime;
  tone(ctx, now, 0.18, 140, 'square', 0.25);
  tone(ctx, now + 0.26, 0.18, 140, 'square', 0.25);
}
