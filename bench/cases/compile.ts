import type { Stack as CdkStack } from 'aws-cdk-lib';
import type * as Sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Impl, ImplPlan, Job, ScenarioPlan } from '../lib/case.js';
import { canonicalJson } from '../lib/stats.js';
import { stepcraftCore } from '../lib/stepcraft.js';
import { passChain } from './runner-asl.js';

/**
 * The same Pass chain built with Stepcraft's builder and with CDK constructs, rendered to ASL JSON text.
 * Stepcraft: `compile(workflow)` + `stringifyAsl(definition)`; `compile()` includes `validate()` of what it emits.
 * CDK: what `new StateMachine()` does to its `DefinitionBody` minus the IAM role and the CloudFormation resource:
 * `new StateGraph(chain.startState)`, `DefinitionBody.fromChainable(chain).bind(stack, principal, {}, graph)`, then
 * `stack.resolve()` of the token-encoded definition string (the step `cdk synth` performs).
 */

/** CDK's `State.bindToGraph` recurses once per state: 5,000 states overflow Node's default stack. */
const CDK_STACK = ['--stack-size=7000'];

const plan = (impl: Impl, size: number, budgetMs: number): ImplPlan => ({
  impl,
  label: impl === 'stepcraft' ? '@stepcraft/core compile + stringifyAsl' : 'aws-cdk-lib 2.276.0',
  sizes: [size],
  probe: Math.min(size, 50),
  capMs: Number.POSITIVE_INFINITY,
  budgetMs,
  minIterations: 5,
  ...(impl === 'peer' ? { execArgv: CDK_STACK } : {}),
});

/** The compile scenarios; `quick` shrinks them. */
export function compilePlans(quick: boolean, stepcraftReady: boolean): ScenarioPlan[] {
  const sizes = quick ? [20, 100] : [100, 1_000, 5_000];
  const note = stepcraftReady ? undefined : 'Stepcraft compile not available (packages/core/src/index.ts)';
  const scenario = (key: string, title: string, size: number, budgetMs: number): ScenarioPlan => ({
    group: 'compile',
    key,
    title,
    unit: 'ops',
    impls: stepcraftReady
      ? [plan('stepcraft', size, budgetMs), plan('peer', size, budgetMs)]
      : [plan('peer', size, budgetMs)],
    target: { ratio: 10, note: 'compile ≥ 10× faster than CDK render' },
    ...(note === undefined ? {} : { note }),
  });
  return [
    ...sizes.map((size) =>
      scenario(`render-${size}`, `Render ${size}-state chain → ASL JSON`, size, quick ? 300 : 2_000),
    ),
    scenario(
      `build-render-${sizes[1]}`,
      `Build + render ${sizes[1]}-state chain`,
      sizes[1] ?? 100,
      quick ? 300 : 2_000,
    ),
  ];
}

/** `render-<n>` times rendering a freshly built chain; `build-render-<n>` times both. */
export async function prepare(key: string, impl: Impl, size: number): Promise<Job> {
  const buildTimed = key.startsWith('build-render-');
  const make = impl === 'stepcraft' ? await stepcraftSide() : await cdkSide();
  const expected = canonicalJson(passChain(size).definition);
  return {
    work: 1,
    ...(buildTimed ? {} : { setup: () => make.build(size) }),
    run: (built) => make.render(buildTimed ? make.build(size) : built),
    comparable: (text) => JSON.parse(text as string),
    check(text) {
      const got = canonicalJson(JSON.parse(text as string));
      return got === expected
        ? undefined
        : `ASL differs: ${got.slice(0, 300)} … vs ${expected.slice(0, 300)}`;
    },
  };
}

interface Side {
  build(size: number): unknown;
  render(built: unknown): string;
}

const stateName = (i: number) => `Pass${i}`;

async function stepcraftSide(): Promise<Side> {
  const { compile, pass, stringifyAsl, typed, workflow } = await stepcraftCore();
  type Data = { last: { step: number } };
  const state = (i: number) =>
    pass(stateName(i), {
      input: typed<Data>(),
      parameters: ({ input }) => ({ step: i, from: input.last.step }),
    }).resultPath('$.last');
  return {
    build(size) {
      // A loop cannot keep the chain's type, so it is held structurally here; the typecheck group covers types.
      interface Link {
        next(state: unknown): Link;
      }
      let chain = state(0) as unknown as Link;
      for (let i = 1; i < size; i++) chain = chain.next(state(i));
      return workflow('Bench').start(chain as never);
    },
    render: (built) => stringifyAsl(compile(built as Parameters<typeof compile>[0]).definition),
  };
}

async function cdkSide(): Promise<Side> {
  const { App, Stack } = await import('aws-cdk-lib');
  const sfn = await import('aws-cdk-lib/aws-stepfunctions');
  const iam = await import('aws-cdk-lib/aws-iam');
  const principal = new iam.ServicePrincipal('states.amazonaws.com');
  interface Built {
    readonly stack: CdkStack;
    readonly chain: Sfn.Chain;
  }
  return {
    build(size) {
      const stack = new Stack(new App(), 'Bench');
      const state = (i: number) =>
        new sfn.Pass(stack, stateName(i), {
          parameters: { step: i, 'from.$': '$.last.step' },
          resultPath: '$.last',
        });
      let chain = sfn.Chain.start(state(0));
      for (let i = 1; i < size; i++) chain = chain.next(state(i));
      return { stack, chain } satisfies Built;
    },
    render(built) {
      const { stack, chain } = built as Built;
      const graph = new sfn.StateGraph(chain.startState, 'Bench');
      const config = sfn.DefinitionBody.fromChainable(chain).bind(stack, principal, {}, graph);
      return stack.resolve(config.definitionString) as string;
    },
  };
}
