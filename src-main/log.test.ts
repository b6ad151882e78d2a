import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, redact, setLogSink } from './log';

describe('the logger', () => {
  afterEach(() => setLogSink({ write: (line) => process.stderr.write(line + '\n') }, 'info'));

  it('redacts keys, auth headers and personal data', () => {
    const lines: string[] = [];
    setLogSink({ write: (line) => lines.push(line) }, 'debug');
    createLogger('test').info('calling with Basic cHViOnNlY3JldA==', {
      secretKey: 'sk_live_123',
      headers: { Authorization: 'Basic abc' },
      shipping_address: { name: 'Jan Jansen', email: 'jan@example.nl', city: 'Utrecht' },
    });
    const text = lines.join('\n');
    expect(text).not.toContain('sk_live_123');
    expect(text).not.toContain('cHViOnNlY3JldA==');
    expect(text).not.toContain('Jan Jansen');
    expect(text).not.toContain('jan@example.nl');
    expect(text).toContain('Utrecht');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 'info', scope: 'test' });
  });

  it('drops lines below the level', () => {
    const lines: string[] = [];
    setLogSink({ write: (line) => lines.push(line) }, 'warn');
    const log = createLogger('test');
    log.info('quiet');
    log.warn('loud');
    expect(lines).toHaveLength(1);
  });

  it('keeps errors readable without stacks', () => {
    expect(redact({ error: new Error('printer jammed') })).toEqual({
      error: { name: 'Error', message: 'printer jammed' },
    });
  });
});
