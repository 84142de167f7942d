import { validate } from '@stepcraft/asl';
import { estimateCost } from '@stepcraft/runner';
import { mock, run } from '@stepcraft/testing';
import '@stepcraft/testing/vitest';
import { describe, expect, test } from 'vitest';
import { checkExample, sampleInput } from '../example-checks.js';
import { shipments } from './handlers.js';
import { ShipmentEvent } from './schemas.js';
import { notifyCustomer, shipmentEvents } from './workflow.js';

describe('event-driven', () => {
  const compiled = checkExample(shipmentEvents, import.meta.url);
  const event = sampleInput(import.meta.url);

  test('an Express workflow: its ASL is valid as EXPRESS', () => {
    expect(compiled.type).toBe('EXPRESS');
    expect(validate(compiled.definition, { stateMachineType: 'EXPRESS' })).toEqual([]);
  });

  test('the EventBridge event is the input: records, notifies, announces', async () => {
    const result = await run(compiled, event as never, { stateMachineType: 'EXPRESS' });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toMatchObject({ detail: { orderId: 'o-1001' }, notified: { status: 200 } });
    // DynamoDB got attribute values, the numbers as strings.
    expect(shipments.get('o-1001')).toEqual({
      pk: { S: 'o-1001' },
      carrier: { S: 'ups' },
      weightKg: { N: '2.5' },
      items: { N: '3' },
      shippedAt: { S: '2024-05-01T10:15:00Z' },
      eventId: { S: '6a7e8feb-b491-4cf7-a9f1-bf3703467718' },
    });
  });

  test('a webhook that stays down is retried, then the notice is parked', async () => {
    const down = { ...event, detail: { ...(event.detail as object), webhook: 'https://down.example.com/x' } };
    const result = await run(compiled, down as never);
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('NoticeParked');
    const attempts = result.history.filter(
      (e) => e.type === 'TaskScheduled' && e.taskScheduledEventDetails?.resource === 'invoke',
    );
    expect(attempts).toHaveLength(4);
    // Retries are billed transitions too: RecordShipment, NotifyCustomer, ParkForRetry, NoticeParked + 3 retries.
    expect(estimateCost(result).usage).toMatchObject({ statesEntered: 4, retries: 3, billedTransitions: 7 });
  });

  test('an event of another type does not fit the workflow input', async () => {
    const other = { ...event, 'detail-type': 'OrderCancelled' };
    const result = await run(compiled, other as never);
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('Stepcraft.ContractViolation');
  });

  test('a mocked webhook answering 503 once is retried after 2 s, then announced', async () => {
    const webhook = mock(notifyCustomer)
      .rejectsOnce('States.Http.StatusCode.503', 'Service Unavailable')
      .resolves({ Headers: {}, ResponseBody: {}, StatusCode: 202, StatusText: 'Accepted' });
    const result = await run(shipmentEvents, ShipmentEvent.parse(event), { mocks: [webhook] });
    expect(result).toSucceedWith(expect.objectContaining({ notified: { status: 202 } }));
    expect(result).toHaveRetried(notifyCustomer, 1);
    expect(result.view.visitsOf('NotifyCustomer')[0]?.retries.map((r) => r.delaySeconds)).toEqual([2]);
  });
});
