import { describe, expect, it } from 'vitest';
import { msg } from '../../src-shared';
import {
  extendedStatusComplete,
  hostIdentificationComplete,
  hostStatusComplete,
  parseExtendedStatus,
  parseHostIdentification,
  parseHostStatus,
  queryZplIdentity,
  queryZplStatus,
  type ZplExchange,
} from './zpl-status';

/** A ~HS answer as a Zebra sends it; every flag off unless given. */
function hs(
  flags: {
    paperOut?: boolean;
    paused?: boolean;
    formats?: number;
    bufferFull?: boolean;
    underTemperature?: boolean;
    overTemperature?: boolean;
    headUp?: boolean;
    ribbonOut?: boolean;
    labelsRemaining?: number;
  } = {},
): string {
  const b = (value: boolean | undefined) => (value ? '1' : '0');
  const formats = String(flags.formats ?? 0).padStart(3, '0');
  const remaining = String(flags.labelsRemaining ?? 0).padStart(8, '0');
  return (
    `\x02030,${b(flags.paperOut)},${b(flags.paused)},1218,${formats},${b(flags.bufferFull)},0,0,000,0,` +
    `${b(flags.underTemperature)},${b(flags.overTemperature)}\x03\r\n` +
    `\x02000,0,${b(flags.headUp)},${b(flags.ribbonOut)},1,2,6,0,${remaining},1,000\x03\r\n` +
    `\x021234,0\x03\r\n`
  );
}

/** A ~HQES answer with the given group-1 error and warning masks. */
function hqes(errors: number, warnings = 0, errorGroup2 = 0): string {
  const hex = (value: number) => value.toString(16).toUpperCase().padStart(8, '0');
  const set = (value: number) => (value ? '1' : '0');
  return (
    `\x02\r\n  PRINTER STATUS\r\n` +
    `    ERRORS:         ${set(errors | errorGroup2)} ${hex(errorGroup2)} ${hex(errors)}\r\n` +
    `    WARNINGS:       ${set(warnings)} 00000000 ${hex(warnings)}\r\n\x03\r\n`
  );
}

describe('parseHostStatus (~HS)', () => {
  it('reads an idle printer as no faults and nothing pending', () => {
    expect(parseHostStatus(hs())).toEqual({ faults: [], pending: 0 });
  });

  it.each([
    ['paper out (string 1, b)', { paperOut: true }, 'paper-out'],
    ['pause (string 1, c)', { paused: true }, 'paused'],
    ['receive buffer full (string 1, f)', { bufferFull: true }, 'buffer-full'],
    ['over temperature (string 1, l)', { overTemperature: true }, 'head-too-hot'],
    ['head up (string 2, o)', { headUp: true }, 'head-open'],
    ['ribbon out (string 2, p)', { ribbonOut: true }, 'ribbon-out'],
  ] as const)('reports %s', (_name, flags, fault) => {
    expect(parseHostStatus(hs(flags)).faults).toEqual([fault]);
  });

  it('reports several faults at once, in a stable order', () => {
    const answer = hs({ paused: true, headUp: true, paperOut: true, ribbonOut: true });
    expect(parseHostStatus(answer).faults).toEqual([
      'paper-out',
      'head-open',
      'ribbon-out',
      'paused',
    ]);
  });

  it('does not call a cold head a fault: the printer still prints', () => {
    expect(parseHostStatus(hs({ underTemperature: true })).faults).toEqual([]);
  });

  it('counts formats in the receive buffer plus labels remaining in the batch as pending', () => {
    expect(parseHostStatus(hs({ formats: 3, labelsRemaining: 2, paused: true }))).toEqual({
      faults: ['paused'],
      pending: 5,
    });
  });

  it('refuses an answer that is not a ~HS answer', () => {
    expect(() => parseHostStatus('')).toThrow(/~HS/);
    expect(() => parseHostStatus('@PJL INFO STATUS\r\nCODE=10001\r\n')).toThrow(/~HS/);
    expect(() => parseHostStatus('\x02030,0,0\x03\r\n\x02000\x03\r\n\x021234,0\x03')).toThrow();
  });
});

describe('parseExtendedStatus (~HQES)', () => {
  it('reads no error flags as no faults', () => {
    expect(parseExtendedStatus(hqes(0))).toEqual([]);
  });

  it.each([
    ['media out', 0x1, 'paper-out'],
    ['ribbon out', 0x2, 'ribbon-out'],
    ['head open', 0x4, 'head-open'],
    ['cutter fault', 0x8, 'other'],
    ['printhead over temperature', 0x10, 'head-too-hot'],
    ['motor over temperature', 0x20, 'other'],
    ['bad printhead element', 0x40, 'other'],
    ['paused', 0x10000, 'paused'],
  ] as const)('maps %s', (_name, mask, fault) => {
    expect(parseExtendedStatus(hqes(mask))).toEqual([fault]);
  });

  it('maps a combination of bits, with unknown bits as one "other"', () => {
    // Media out + head open + over temperature + cutter fault + thermistor open.
    expect(parseExtendedStatus(hqes(0x1 | 0x4 | 0x10 | 0x8 | 0x200))).toEqual([
      'paper-out',
      'head-open',
      'head-too-hot',
      'other',
    ]);
  });

  it('treats set bits in the second group, or a bare error flag, as "other"', () => {
    expect(parseExtendedStatus(hqes(0, 0, 0x1))).toEqual(['other']);
    expect(
      parseExtendedStatus('ERRORS: 1 00000000 00000000\r\nWARNINGS: 0 00000000 00000000'),
    ).toEqual(['other']);
  });

  it('leaves warnings out: a printhead that wants cleaning still prints', () => {
    expect(parseExtendedStatus(hqes(0, 0x2 | 0x8))).toEqual([]);
  });

  it('refuses an answer without an ERRORS line', () => {
    expect(() => parseExtendedStatus('\x02\r\nPRINTER STATUS\r\n\x03')).toThrow(/~HQES/);
  });
});

describe('parseHostIdentification (~HI)', () => {
  it.each([
    ['\x02ZD421-203dpi,V84.20.18Z,8,8192KB\x03\r\n', 'ZD421-203dpi', 203],
    ['\x02ZT411-300dpi,V92.21.23Z,12,8176KB\x03\r\n', 'ZT411-300dpi', 300],
    ['\x02ZT610-600dpi,V92.21.23Z,24,8176KB\x03\r\n', 'ZT610-600dpi', 600],
    ['\x02LP2844-Z,V45.11.7Z,6,4096KB,C\x03\r\n', 'LP2844-Z', 152],
  ])('reads %j', (answer, model, dpi) => {
    expect(parseHostIdentification(answer)).toEqual({ model, dpi });
  });

  it('says null for a resolution it does not know', () => {
    expect(parseHostIdentification('\x02COMPAT-1,V1.0,10,512KB\x03')).toEqual({
      model: 'COMPAT-1',
      dpi: null,
    });
  });

  it('refuses an empty answer', () => {
    expect(() => parseHostIdentification('\x02\x03')).toThrow(/~HI/);
  });
});

describe('answer completeness', () => {
  it('waits for all three ~HS strings', () => {
    const answer = hs();
    const cut = answer.lastIndexOf('\x03');
    expect(hostStatusComplete(Buffer.from(answer.slice(0, cut), 'latin1'))).toBe(false);
    expect(hostStatusComplete(Buffer.from(answer.slice(0, cut + 1), 'latin1'))).toBe(true);
  });

  it('waits for the ~HI block and for the ~HQES WARNINGS line', () => {
    expect(hostIdentificationComplete(Buffer.from('\x02ZD421-203dpi,V84'))).toBe(false);
    expect(hostIdentificationComplete(Buffer.from('\x02ZD421-203dpi,V84,8,8192KB\x03'))).toBe(true);
    const answer = hqes(0x1);
    const warnings = answer.indexOf('WARNINGS');
    expect(extendedStatusComplete(Buffer.from(answer.slice(0, warnings + 20)))).toBe(false);
    expect(extendedStatusComplete(Buffer.from(answer))).toBe(true);
    expect(extendedStatusComplete(Buffer.from('ERRORS: 0 0 0\r\nWARNINGS: 0 0 0\r\n'))).toBe(true);
  });
});

/** A printer that answers each command from a table; unknown commands time out. */
function scripted(answers: Record<string, string>) {
  const sent: { command: string; timeoutMs: number }[] = [];
  const exchange: ZplExchange = async (command, complete, timeoutMs) => {
    sent.push({ command, timeoutMs });
    const answer = answers[command];
    if (answer === undefined) throw new Error(`${command} timed out`);
    const bytes = Buffer.from(answer, 'latin1');
    if (!complete(bytes)) throw new Error(`${command}: answer never completed`);
    return bytes;
  };
  return { exchange, sent };
}

describe('queryZplStatus', () => {
  it('turns a ~HS answer into a printer status a packer can read', async () => {
    const { exchange, sent } = scripted({
      '~HS': hs({ paperOut: true, headUp: true, formats: 2 }),
    });
    expect(await queryZplStatus(exchange, { timeoutMs: 700 })).toEqual({
      reachable: true,
      faults: ['paper-out', 'head-open'],
      pending: 2,
      dpi: null,
      source: 'printer',
      message: msg('printer.faults', {
        faults: [msg('printer.fault.paper-out'), msg('printer.fault.head-open')],
      }),
    });
    expect(sent).toEqual([{ command: '~HS', timeoutMs: 700 }]);
  });

  it('says Ready when nothing is wrong', async () => {
    const { exchange } = scripted({ '~HS': hs() });
    expect((await queryZplStatus(exchange)).message).toEqual(msg('printer.ready'));
  });

  it('adds ~HQES faults when extended', async () => {
    const { exchange, sent } = scripted({ '~HS': hs({ paused: true }), '~HQES': hqes(0x8 | 0x10) });
    const status = await queryZplStatus(exchange, { extended: true });
    expect(status.faults).toEqual(['paused', 'head-too-hot', 'other']);
    expect(status.message).toEqual(
      msg('printer.faults', {
        faults: [
          msg('printer.fault.paused'),
          msg('printer.fault.head-too-hot'),
          msg('printer.fault.other'),
        ],
      }),
    );
    expect(sent.map((s) => s.command)).toEqual(['~HS', '~HQES']);
  });

  it('keeps the ~HS status when ~HQES gets no answer', async () => {
    const { exchange } = scripted({ '~HS': hs({ ribbonOut: true }) });
    const status = await queryZplStatus(exchange, { extended: true });
    expect(status.faults).toEqual(['ribbon-out']);
  });

  it('rejects when ~HS gets no answer or a wrong one, so the transport can decide', async () => {
    await expect(queryZplStatus(scripted({}).exchange)).rejects.toThrow(/timed out/);
    await expect(
      queryZplStatus(scripted({ '~HS': '\x02?\x03\x02?\x03\x02?\x03' }).exchange),
    ).rejects.toThrow(/~HS/);
  });

  it('reads the resolution with ~HI', async () => {
    const { exchange } = scripted({ '~HI': '\x02ZD421-300dpi,V84.20.18Z,12,8192KB\x03\r\n' });
    expect(await queryZplIdentity(exchange)).toEqual({ model: 'ZD421-300dpi', dpi: 300 });
  });
});
