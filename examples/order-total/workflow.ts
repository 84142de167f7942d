import {
  choice,
  fail,
  lambda,
  map,
  pass,
  placeholder,
  States,
  succeed,
  task,
  typed,
  variable,
  workflow,
} from '@stepcraft/core';
import { z } from 'zod';
import { addLine, loadPricing, priceLine } from './handlers.js';
import { LineJob, Order, PricedLine, PricedOrder, Pricing, Running } from './schemas.js';

const taxRate = variable('taxRate', z.number());
const currency = variable('currency', z.string());
const lineCount = variable('lineCount', z.number());
const index = variable('index', z.number());
const total = variable('total', z.number());

// The pricing goes into variables; the state's output stays the order (ResultPath null).
const pricing = task('LoadPricing', {
  resource: lambda.invoke(placeholder('LoadPricingFunction')),
  input: Order,
  parameters: ({ input }) => ({ region: input.region }),
  output: Pricing,
  handler: loadPricing,
  resultSelector: lambda.payload,
})
  .assign(taxRate, ({ result }) => result.taxRate)
  .assign(currency, ({ result }) => result.currency)
  .resultPath(null);

const priceOne = task('PriceLine', {
  resource: lambda.invoke(placeholder('PriceLineFunction')),
  input: LineJob,
  output: PricedLine,
  handler: priceLine,
  resultSelector: lambda.payload,
});

// Each iteration reads the outer `taxRate` variable (inner scopes may read, not reassign, outer variables).
const priceAll = map('PriceLines', {
  input: Order,
  itemsPath: '$.lines',
  itemSelector: ({ context }) => ({ line: context.Map.Item.Value, taxRate: taxRate.ref }),
  processor: priceOne,
})
  .assign(lineCount, ({ result }) => States.arrayLength(result))
  .assign(index, () => 0)
  .assign(total, () => 0)
  .resultPath('$.priced')
  .catch(['InvalidLine'], fail('OrderRejected', { error: 'OrderRejected', cause: 'A line has no quantity' }));

// The running total lives in variables: each step reads the values from before it and assigns the next ones.
const addOne = task('AddLine', {
  resource: lambda.invoke(placeholder('AddLineFunction')),
  input: PricedOrder,
  parameters: ({ input }) => ({ total: total.ref, line: States.arrayGetItem(input.priced, index.ref) }),
  output: Running,
  handler: (step) => addLine(step),
  resultSelector: lambda.payload,
})
  .assign(total, ({ result }) => result.total)
  .assign(index, () => States.mathAdd(index.ref, 1))
  .resultPath(null);

const summary = pass('Summary', {
  input: PricedOrder,
  parameters: ({ input }) => ({
    orderId: input.orderId,
    lines: lineCount.ref,
    total: total.ref,
    currency: currency.ref,
  }),
}).next(succeed('Priced'));

const more = choice('MoreLines', { input: typed<PricedOrder>() })
  .when(() => index.ref.numericLessThan(lineCount.ref), addOne)
  .otherwise(summary);

/** Price every line (Map reading an outer variable), then keep a running total in variables with a loop. */
export const orderTotal = workflow('OrderTotal', {
  input: Order,
  queryLanguage: 'JSONata',
  comment: 'Order total with variables: pricing read once, a running total over the priced lines',
})
  .start(pricing)
  .next(priceAll)
  .next(addOne)
  .next(more);
