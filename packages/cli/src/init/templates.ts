/** What `stepcraft init` writes: a file's path relative to the project and its text. */
export interface ScaffoldFile {
  readonly path: string;
  readonly text: string;
}

/** The project's names and the version of Stepcraft its manifest depends on. */
export interface ScaffoldOptions {
  /** The npm package name (lower case, from the directory's name). */
  readonly packageName: string;
  /** The version of `@stepcraft/*` to depend on (this CLI's own). */
  readonly version: string;
}

const WORKFLOW = `import { choice, fail, lambda, succeed, task, workflow } from '@stepcraft/core';
import { z } from 'zod';
import { chargeCard, checkOrder } from './handlers.js';

/** What the workflow is started with. */
export const Order = z.object({
  orderId: z.string(),
  amount: z.number().positive(),
  card: z.string(),
});

/** What the payment step adds at \`$.payment\`. */
export const Payment = z.object({ paymentId: z.string(), status: z.enum(['PAID', 'DECLINED']) });

/** The order once charged. */
export const ChargedOrder = Order.extend({ payment: Payment });

/** Checks the order. Its Lambda returns the order itself: \`lambda.payload\` passes the Payload on as is. */
export const check = task('CheckOrder', {
  resource: lambda.invoke('check-order'),
  input: Order,
  output: Order,
  handler: checkOrder,
  resultSelector: lambda.payload,
});

/** Charges the card and keeps the order: the result goes to \`$.payment\`. */
export const charge = task('ChargeCard', {
  resource: lambda.invoke('charge-card'),
  input: Order,
  output: Payment,
  handler: chargeCard,
  resultSelector: ({ result }) => ({ paymentId: result.Payload.paymentId, status: result.Payload.status }),
})
  .resultPath('$.payment')
  .retry({ errors: ['Lambda.TooManyRequestsException'], intervalSeconds: 1, maxAttempts: 3, backoffRate: 2 });

/** Succeeds when the card was charged, fails the execution otherwise. */
export const decide = choice('WasItPaid', { input: ChargedOrder })
  .when(({ input }) => input.payment.status.stringEquals('PAID'), succeed('OrderPaid'))
  .otherwise(fail('PaymentDeclined', { error: 'PaymentDeclined', cause: 'The card was declined' }));

/** Check an order, charge it, and succeed or fail on the payment. */
export const processOrder = workflow('ProcessOrder', { input: Order, timeoutSeconds: 60 })
  .start(check)
  .next(charge)
  .next(decide);
`;

const HANDLERS = `import type { z } from 'zod';
import type { Order, Payment } from './workflow.js';

// The local stand-ins for the Lambda functions: \`stepcraft run\` and the tests call them; AWS never sees them.

/** Normalises the order (a real function would also store it). */
export async function checkOrder(order: z.infer<typeof Order>): Promise<z.infer<typeof Order>> {
  return { ...order, orderId: order.orderId.trim() };
}

/** Charges the card; the card "declined" is refused. */
export async function chargeCard(order: z.infer<typeof Order>): Promise<z.infer<typeof Payment>> {
  return { paymentId: \`pay-\${order.orderId}\`, status: order.card === 'declined' ? 'DECLINED' : 'PAID' };
}
`;

const TEST = `import { compile } from '@stepcraft/core';
import { run } from '@stepcraft/runner';
import { describe, expect, test } from 'vitest';
import { processOrder } from './workflow.js';

describe('ProcessOrder', () => {
  const compiled = compile(processOrder);

  test('compiles to ASL that starts by checking the order', () => {
    expect(compiled.definition.StartAt).toBe('CheckOrder');
  });

  test('a good card is charged and the order paid', async () => {
    const result = await run(compiled, { orderId: ' o-1 ', amount: 42, card: '4242' });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toEqual({
      orderId: 'o-1',
      amount: 42,
      card: '4242',
      payment: { paymentId: 'pay-o-1', status: 'PAID' },
    });
  });

  test('a declined card fails the execution', async () => {
    const result = await run(compiled, { orderId: 'o-2', amount: 42, card: 'declined' });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('PaymentDeclined');
  });
});
`;

const TSCONFIG = `{
  "compilerOptions": {
    "target": "ES2022",
    "module": "nodenext",
    "strict": true,
    "verbatimModuleSyntax": true,
    "skipLibCheck": true,
    "noEmit": true
  },
  "include": ["src"]
}
`;

const INPUT = `{ "orderId": "o-1", "amount": 42, "card": "4242" }
`;

const GITIGNORE = `node_modules
dist
.stepcraft-typecheck-*
`;

/** The files of a new project: a workflow, its handlers, a test, and the configuration to build and test them. */
export function scaffold(options: ScaffoldOptions): readonly ScaffoldFile[] {
  const stepcraft = `^${options.version}`;
  const manifest = {
    name: options.packageName,
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts: {
      build: 'stepcraft build src --out dist/asl',
      start: 'stepcraft run src/workflow.ts --input @input.json',
      test: 'tsc && vitest run',
    },
    dependencies: { '@stepcraft/core': stepcraft, zod: '^4.0.0' },
    devDependencies: {
      '@stepcraft/cli': stepcraft,
      '@stepcraft/runner': stepcraft,
      typescript: '^7.0.0',
      vitest: '^4.0.0',
    },
  };
  return [
    { path: 'package.json', text: `${JSON.stringify(manifest, null, 2)}\n` },
    { path: 'tsconfig.json', text: TSCONFIG },
    { path: 'src/workflow.ts', text: WORKFLOW },
    { path: 'src/handlers.ts', text: HANDLERS },
    { path: 'src/workflow.test.ts', text: TEST },
    { path: 'input.json', text: INPUT },
    { path: '.gitignore', text: GITIGNORE },
  ];
}
