import { stripVTControlCharacters } from 'node:util';
import type { AslDocument } from '@stepcraft/asl';
import { run as runnerRun } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';
import { mock, run } from '../src/index.js';
import '../src/vitest/index.js';
import { archive, checkout, order, pay } from './fixtures.js';

const alerted = mock.sqs('https://sqs.us-east-1.amazonaws.com/123456789012/alerts').resolves({
  MD5OfMessageBody: 'm',
  MessageId: 'msg-1',
});
const archived = mock(archive).resolves({});
const paid = mock(pay)
  .rejectsOnce('Lambda.TooManyRequestsException', 'slow down')
  .resolves({ paymentId: 'p-1', status: 'PAID' });

const succeeded = await run(checkout, order, { mocks: [paid, alerted, archived] });
const declined = await run(checkout, order, {
  mocks: [mock(pay).rejects('PaymentDeclined', 'card refused'), alerted, archived],
});

describe('passing matchers', () => {
  test('on a successful run', () => {
    expect(succeeded).toSucceedWith({ ...order, payment: { paymentId: 'p-1', status: 'PAID' } });
    expect(succeeded).toSucceedWith(expect.objectContaining({ orderId: 'o-1' }));
    expect(succeeded).toHaveVisited(['ProcessPayment', 'Route', 'Archive', 'Done']);
    expect(succeeded).toHaveVisited([pay, archive]);
    expect(succeeded).toHaveTakenBranch('Route', 0);
    expect(succeeded).toHaveRetried(pay, 1);
    expect(succeeded).not.toHaveCaught('ProcessPayment', 'PaymentDeclined');
  });

  test('on a failed run', () => {
    expect(declined).toFailWith('OrderFailed');
    expect(declined).toFailWith('OrderFailed', 'Payment failed');
    expect(declined).toFailWith('OrderFailed', /failed/);
    expect(declined).toFailWith('OrderFailed', expect.stringContaining('Payment'));
    expect(declined).toHaveCaught(pay, 'PaymentDeclined');
    expect(declined).toHaveRetried('ProcessPayment', 0);
    expect(declined).not.toHaveVisited(['Route']);
  });

  test('on variables and waits', async () => {
    const definition: AslDocument = {
      StartAt: 'Count',
      States: {
        Count: { Type: 'Pass', Assign: { n: 3 }, Next: 'Pause' },
        Pause: { Type: 'Wait', Seconds: 7, Next: 'Route' },
        Route: {
          Type: 'Choice',
          Choices: [
            { Variable: '$n', NumericEquals: 1, Next: 'End' },
            { Variable: '$n', NumericEquals: 3, Next: 'End' },
          ],
          Default: 'End',
        },
        End: { Type: 'Succeed' },
      },
    };
    const result = await run(definition, {});
    expect(result).toHaveAssigned('n', 3);
    expect(result).toHaveWaited('Pause', 7);
    // Several rules lead to End: run() evaluates the Choice again to tell which one matched.
    expect(result).toHaveTakenBranch('Route', 1);
  });

  test('on a plain runner result', async () => {
    const result = await runnerRun({ StartAt: 'A', States: { A: { Type: 'Pass', Result: 1, End: true } } });
    expect(result).toSucceedWith(1);
    expect(result).toHaveVisited(['A']);
  });
});

/** The message a failing assertion throws, without terminal colours (they depend on the environment). */
function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return stripVTControlCharacters(
      error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    );
  }
  throw new Error('The assertion passed');
}

describe('failure messages show the path taken', () => {
  test('toSucceedWith on a failed run', () => {
    // @ts-expect-error the output lacks every field, on purpose
    expect(failure(() => expect(declined).toSucceedWith({}))).toMatchInlineSnapshot(`
      "Error: expected the execution to succeed with Object {}
      It FAILED with OrderFailed: Payment failed

      Path taken: ProcessPayment (caught PaymentDeclined) → SendAlert → OrderFailed (failed OrderFailed)
      Ended: FAILED with OrderFailed: Payment failed"
    `);
  });

  test('toSucceedWith with another output shows the difference', () => {
    // @ts-expect-error the output lacks `payment`, on purpose
    expect(failure(() => expect(succeeded).toSucceedWith({ ...order }))).toMatchInlineSnapshot(`
      "Error: expected the execution to succeed with Object {
        "amount": 40,
        "orderId": "o-1",
      }
      - Expected
      + Received

        {
          "amount": 40,
          "orderId": "o-1",
      +   "payment": {
      +     "paymentId": "p-1",
      +     "status": "PAID",
      +   },
        }

      Path taken: ProcessPayment (retried 1×) → Route (rule #0) → Archive → Done
      Ended: SUCCEEDED"
    `);
  });

  test('toFailWith on another error', () => {
    expect(failure(() => expect(declined).toFailWith('Declined', 'x'))).toMatchInlineSnapshot(`
      "Error: expected the execution to fail with "Declined" and cause "x"
      It FAILED with "OrderFailed" and cause "Payment failed"

      Path taken: ProcessPayment (caught PaymentDeclined) → SendAlert → OrderFailed (failed OrderFailed)
      Ended: FAILED with OrderFailed: Payment failed"
    `);
  });

  test('toHaveVisited names the missing state', () => {
    expect(
      failure(() => expect(succeeded).toHaveVisited(['Route', 'ProcessPayment'])),
    ).toMatchInlineSnapshot(`
      "Error: expected the execution to visit "Route" → "ProcessPayment" in this order
      "ProcessPayment" was not entered after "Route"

      Path taken: ProcessPayment (retried 1×) → Route (rule #0) → Archive → Done
      Ended: SUCCEEDED"
    `);
  });

  test('toHaveTakenBranch says which rule was taken', () => {
    expect(failure(() => expect(succeeded).toHaveTakenBranch('Route', 'Default'))).toMatchInlineSnapshot(`
      "Error: expected Choice "Route" to take its Default
      It took: rule #0 to "Archive"

      Path taken: ProcessPayment (retried 1×) → Route (rule #0) → Archive → Done
      Ended: SUCCEEDED"
    `);
  });

  test('toHaveRetried lists the retries with their errors and delays', () => {
    expect(failure(() => expect(succeeded).toHaveRetried('ProcessPayment', 2))).toMatchInlineSnapshot(`
      "Error: expected "ProcessPayment" to be retried 2 times
      It was retried 1 time: Lambda.TooManyRequestsException then 2 s

      Path taken: ProcessPayment (retried 1×) → Route (rule #0) → Archive → Done
      Ended: SUCCEEDED"
    `);
  });

  test('toHaveCaught says what was caught', () => {
    expect(
      failure(() => expect(declined).toHaveCaught('ProcessPayment', 'States.Timeout')),
    ).toMatchInlineSnapshot(`
      "Error: expected "ProcessPayment" to catch "States.Timeout"
      It caught "PaymentDeclined" → "SendAlert"

      Path taken: ProcessPayment (caught PaymentDeclined) → SendAlert → OrderFailed (failed OrderFailed)
      Ended: FAILED with OrderFailed: Payment failed"
    `);
  });

  test('toHaveAssigned and toHaveWaited on a run without them', () => {
    expect(failure(() => expect(succeeded).toHaveAssigned('total', 1))).toMatchInlineSnapshot(`
      "Error: expected the variable $total to be assigned 1
      No state assigned $total

      Path taken: ProcessPayment (retried 1×) → Route (rule #0) → Archive → Done
      Ended: SUCCEEDED"
    `);
    expect(failure(() => expect(succeeded).toHaveWaited('Cool', 30))).toMatchInlineSnapshot(`
      "Error: expected "Cool" to wait 30 s
      "Cool" was never entered and left

      Path taken: ProcessPayment (retried 1×) → Route (rule #0) → Archive → Done
      Ended: SUCCEEDED"
    `);
  });

  test('negated matchers', () => {
    expect(failure(() => expect(succeeded).not.toHaveRetried('ProcessPayment', 1))).toMatchInlineSnapshot(`
      "Error: expected "ProcessPayment" not to be retried 1 time
      It was retried 1 time: Lambda.TooManyRequestsException then 2 s

      Path taken: ProcessPayment (retried 1×) → Route (rule #0) → Archive → Done
      Ended: SUCCEEDED"
    `);
  });

  test('a state the workflow does not have is an error, even under .not', () => {
    expect(() => expect(succeeded).not.toHaveVisited(['Rout'])).toThrow(
      'No state "Rout" in the workflow that ran. Did you mean "Route"?',
    );
    expect(() => expect(succeeded).toHaveRetried('ProcesPayment', 1)).toThrow(
      'No state "ProcesPayment" in the workflow that ran. Did you mean "ProcessPayment"?',
    );
  });

  test('something that is not an execution', () => {
    expect(failure(() => expect({}).toSucceedWith({}))).toMatchInlineSnapshot(
      `"TypeError: Stepcraft matchers expect an execution: the result of run() from @stepcraft/testing or @stepcraft/runner, or a run record."`,
    );
  });
});
