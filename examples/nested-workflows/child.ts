import { lambda, task, workflow } from '@stepcraft/core';
import { reserveStock, shipParcel } from './handlers.js';
import { Fulfilment, Reserved, Shipped } from './schemas.js';

/** The child workflow: reserve the stock of an order, ship it. Deployed as its own state machine. */
export const fulfilment = workflow('Fulfilment', { input: Fulfilment, comment: 'Reserve the stock, ship' })
  .start(
    task('ReserveStock', {
      resource: lambda.invoke('reserve-stock'),
      input: Fulfilment,
      output: Reserved.shape.reservation,
      handler: reserveStock,
      resultSelector: ({ result }) => ({ id: result.Payload.id }),
    }).resultPath('$.reservation'),
  )
  .next(
    task('ShipParcel', {
      resource: lambda.invoke('ship-parcel'),
      input: Reserved,
      output: Shipped,
      handler: shipParcel,
      resultSelector: lambda.payload,
    }),
  );
