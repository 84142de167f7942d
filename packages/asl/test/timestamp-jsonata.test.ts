import { describe, expect, it } from 'vitest';
import { isJsonataString, jsonataBody, parseTimestamp } from '../src/index.js';

describe('parseTimestamp', () => {
  it.each([
    ['2016-03-14T01:59:00Z', Date.UTC(2016, 2, 14, 1, 59, 0)],
    ['2016-03-14T01:59:00.123Z', Date.UTC(2016, 2, 14, 1, 59, 0, 123)],
    ['2016-03-14T01:59:00.000000Z', Date.UTC(2016, 2, 14, 1, 59, 0)],
    ['2016-03-14T01:59:00.1239999Z', Date.UTC(2016, 2, 14, 1, 59, 0, 123)],
    ['2016-03-14T01:59:00.5Z', Date.UTC(2016, 2, 14, 1, 59, 0, 500)],
    ['2016-03-14T03:59:00+02:00', Date.UTC(2016, 2, 14, 1, 59, 0)],
    ['2016-03-13T23:59:00-02:00', Date.UTC(2016, 2, 14, 1, 59, 0)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['0001-01-01T00:00:00Z', -62135596800000],
  ])('parses %s', (text, expected) => {
    expect(parseTimestamp(text)).toBe(expected);
  });

  it.each([
    '',
    '2016-03-14',
    '2016-03-14 01:59:00Z',
    '2016-03-14t01:59:00Z',
    '2016-03-14T01:59:00z',
    '2016-03-14T01:59:00',
    '2016-13-14T01:59:00Z',
    '2016-03-14T25:59:00Z',
    '2016-03-14T01:60:00Z',
    '2016-03-14T01:59:60Z',
    '2023-02-29T00:00:00Z',
    '2016-04-31T00:00:00Z',
    '2016-03-14T01:59:00.Z',
    '2016-03-14T01:59:00+0200',
    '2016-03-14T01:59:00+02:00x',
    '2016-03-14T01:59:00Zx',
    '+2016-03-14T01:59:00Z',
    '２016-03-14T01:59:00Z',
  ])('rejects %j', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});

describe('isJsonataString / jsonataBody', () => {
  it('recognises whole-string expressions only', () => {
    expect(isJsonataString('{% $states.input %}')).toBe(true);
    expect(isJsonataString('{%%}')).toBe(true);
    expect(isJsonataString('{%}')).toBe(false);
    expect(isJsonataString(' {% 1 %}')).toBe(false);
    expect(isJsonataString('{% 1 %} ')).toBe(false);
    expect(isJsonataString('{% 1')).toBe(false);
    expect(isJsonataString(42)).toBe(false);
    expect(jsonataBody('{% $states.input %}')).toBe(' $states.input ');
  });
});
