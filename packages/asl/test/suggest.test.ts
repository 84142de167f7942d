import { describe, expect, test } from 'vitest';
import { closestName } from '../src/index.js';

describe('closestName', () => {
  test.each([
    ['biuld', ['build', 'validate'], 'build'],
    ['valdiate', ['build', 'validate'], 'validate'],
    ['RUN', ['run'], 'run'],
    ['jsno', ['json'], 'json'],
    ['ProcesPayment', ['ProcessPayment', 'SendAlert'], 'ProcessPayment'],
    // Long names allow a third of their length in edits: three here.
    ['ProcPaymnt', ['ProcessPayment', 'SendAlert'], undefined],
    ['ChargeCrd', ['ChargeCard', 'Charged'], 'ChargeCard'],
    ['ProcessPaymnts', ['ProcessPayment'], 'ProcessPayment'],
    ['ValidateOrderInput', ['ValidateOrderOutput'], 'ValidateOrderOutput'],
    ['deploy', ['build', 'validate', 'run'], undefined],
    ['xy', ['ab'], undefined],
    ['run', ['run'], undefined],
    ['abcd', ['abce', 'abcf'], 'abce'],
  ])('%s among %j: %s', (typed, candidates, expected) => {
    expect(closestName(typed, candidates)).toBe(expected);
  });

  test('a closer candidate later wins over an earlier one', () => {
    expect(closestName('ProcessPaymnet', ['ProcessPaymentX', 'ProcessPayment'])).toBe('ProcessPayment');
  });

  test('names over 256 characters are not compared (the work is quadratic in the length)', () => {
    const long = 'a'.repeat(257);
    expect(closestName(long, [`${long}b`])).toBeUndefined();
    expect(closestName('a'.repeat(250), [long])).toBeUndefined();
  });
});
