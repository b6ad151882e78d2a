import { describe, expect, it } from 'vitest';
import { parseInput } from './commands';
import { splitConnectionString } from './warehouse-address';

describe('a warehouse connection string', () => {
  it('takes a password typed inside it out, and keeps the rest as it was typed', () => {
    expect(
      splitConnectionString(' postgres://packer:s3cr%40t@db.local:5433/wh?sslmode=require '),
    ).toEqual({
      ok: true,
      url: 'postgres://packer@db.local:5433/wh?sslmode=require',
      password: 's3cr@t',
    });
    expect(
      splitConnectionString('postgresql://packer@db.local/wh?password=pw&sslmode=disable'),
    ).toEqual({
      ok: true,
      url: 'postgresql://packer@db.local/wh?sslmode=disable',
      password: 'pw',
    });
    expect(splitConnectionString('postgres://packer@10.0.0.5/wh')).toEqual({
      ok: true,
      url: 'postgres://packer@10.0.0.5/wh',
      password: null,
    });
  });

  it('answers a string that is not PostgreSQL’s with a rule key', () => {
    const problem = (text: string) => {
      const split = splitConnectionString(text);
      return split.ok ? null : split.problem.key;
    };
    expect(problem('  ')).toBe('rules.warehouse.empty');
    expect(problem('https://db.local/wh')).toBe('rules.warehouse.notPostgres');
    expect(problem('db.local:5432')).toBe('rules.warehouse.notPostgres');
    expect(problem('postgres:///wh')).toBe('rules.warehouse.noHost');
  });

  it('is checked by the join command’s schema, naming the field, the password never trimmed', () => {
    expect(parseInput('warehouse.join', { connection: 'mysql://db/wh' })).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        key: 'rules.warehouse.notPostgres',
        params: { field: 'connection' },
      },
    });
    expect(
      parseInput('warehouse.join', { connection: 'postgres://u@h/d', password: ' pw ' }),
    ).toEqual({ ok: true, value: { connection: 'postgres://u@h/d', password: ' pw ' } });
    expect(parseInput('warehouse.rename', { stationName: '  ' })).toMatchObject({
      ok: false,
      error: { key: 'error.input.stationName', params: { field: 'stationName' } },
    });
  });
});
