import { describe, expect, it } from 'vitest';
import { createWedgeDetector, type WedgeDetector, type WedgeVerdict } from './wedge';

/** Feed `text` one key per `gapMs`, starting at `start`; returns the verdicts and the end time. */
function type(
  detector: WedgeDetector,
  text: string,
  start: number,
  gapMs: number,
): { verdicts: WedgeVerdict[]; end: number } {
  const verdicts: WedgeVerdict[] = [];
  let time = start;
  for (const [index, key] of [...text].entries()) {
    if (index > 0) time += gapMs;
    verdicts.push(detector.key({ key, time }));
  }
  return { verdicts, end: time };
}

describe('keyboard-wedge detector', () => {
  it('takes a fast burst ending in Enter as a scan', () => {
    const detector = createWedgeDetector();
    const { verdicts, end } = type(detector, 'ORD-10042', 1000, 8);
    expect(verdicts[0]).toEqual({ type: 'burst-start' });
    expect(verdicts.slice(1).every((v) => v.type === 'burst-key')).toBe(true);
    expect(detector.key({ key: 'Enter', time: end + 8 })).toEqual({
      type: 'scan',
      code: 'ORD-10042',
    });
  });

  it('does not take slow typing ending in Enter as a scan', () => {
    const detector = createWedgeDetector();
    const { end } = type(detector, 'ORD-10042', 1000, 120);
    expect(detector.key({ key: 'Enter', time: end + 100 })).toEqual({ type: 'pass' });
  });

  it('does not take a burst that starts fast and then pauses as a scan', () => {
    const detector = createWedgeDetector();
    const first = type(detector, 'ORD-1', 1000, 10);
    const rest = type(detector, '0042', first.end + 400, 150);
    expect(detector.key({ key: 'Enter', time: rest.end + 10 })).toEqual({ type: 'pass' });
  });

  it('does not take a fast burst followed by a slow Enter as a scan', () => {
    const detector = createWedgeDetector();
    const { end } = type(detector, 'ORD-10042', 1000, 10);
    expect(detector.key({ key: 'Enter', time: end + 300 })).toEqual({ type: 'pass' });
  });

  it('does not take a burst shorter than the minimum as a scan', () => {
    const detector = createWedgeDetector();
    const { end } = type(detector, 'abc', 1000, 5);
    expect(detector.key({ key: 'Enter', time: end + 5 })).toEqual({ type: 'pass' });
  });

  it('does not take Enter alone as a scan', () => {
    const detector = createWedgeDetector();
    expect(detector.key({ key: 'Enter', time: 1000 })).toEqual({ type: 'pass' });
    expect(detector.key({ key: 'Enter', time: 1005 })).toEqual({ type: 'pass' });
  });

  it('detects a burst that follows slow typing on its own, without the typed characters', () => {
    const detector = createWedgeDetector();
    const slow = type(detector, 'hello', 1000, 200);
    const burst = type(detector, 'ORD-10042', slow.end + 500, 6);
    expect(burst.verdicts[0]).toEqual({ type: 'burst-start' });
    expect(detector.key({ key: 'Enter', time: burst.end + 6 })).toEqual({
      type: 'scan',
      code: 'ORD-10042',
    });
  });

  it('forgets the burst after a scan, so a second Enter is not a second scan', () => {
    const detector = createWedgeDetector();
    const { end } = type(detector, 'ORD-10042', 1000, 5);
    expect(detector.key({ key: 'Enter', time: end + 5 }).type).toBe('scan');
    expect(detector.key({ key: 'Enter', time: end + 10 })).toEqual({ type: 'pass' });
  });

  it('lets Shift through inside a burst, as scanners press it for capitals', () => {
    const detector = createWedgeDetector();
    let time = 1000;
    for (const key of ['Shift', 'O', 'Shift', 'R', 'Shift', 'D', '1', '2']) {
      detector.key({ key, time });
      time += 5;
    }
    expect(detector.key({ key: 'Enter', time })).toEqual({ type: 'scan', code: 'ORD12' });
  });

  it('does not take a held key (auto-repeat) as a scan', () => {
    const detector = createWedgeDetector();
    detector.key({ key: 'a', time: 1000 });
    for (let i = 1; i <= 10; i += 1) detector.key({ key: 'a', time: 1000 + i * 30, repeat: true });
    expect(detector.key({ key: 'Enter', time: 1330 })).toEqual({ type: 'pass' });
  });

  it('drops a burst broken by a non-printable key or a shortcut', () => {
    const detector = createWedgeDetector();
    const first = type(detector, 'ORD-1', 1000, 5);
    detector.key({ key: 'Backspace', time: first.end + 5 });
    expect(detector.key({ key: 'Enter', time: first.end + 10 })).toEqual({ type: 'pass' });

    const second = type(detector, 'ORD-2', 2000, 5);
    detector.key({ key: 'v', time: second.end + 5, modified: true });
    expect(detector.key({ key: 'Enter', time: second.end + 10 })).toEqual({ type: 'pass' });
  });

  it('honours a custom gap and minimum length', () => {
    const detector = createWedgeDetector({ maxGapMs: 80, minLength: 2 });
    const { end } = type(detector, 'AB', 1000, 70);
    expect(detector.key({ key: 'Enter', time: end + 70 })).toEqual({ type: 'scan', code: 'AB' });
  });
});
