import type { Impl, ImplPlan, Job, ScenarioPlan } from '../lib/case.js';
import { stepcraftAsl } from '../lib/stepcraft.js';
import { mixedDefinition } from './validate-asl.js';

const plan = (impl: Impl, size: number, budgetMs: number): ImplPlan => ({
  impl,
  label: impl === 'stepcraft' ? '@stepcraft/asl validate' : 'asl-validator 4.0.0',
  sizes: [size],
  probe: Math.min(size, 20),
  capMs: Number.POSITIVE_INFINITY,
  budgetMs,
  minIterations: 5,
});

/** The validate scenarios; `quick` shrinks the large one. */
export function validatePlans(quick: boolean): ScenarioPlan[] {
  const large = quick ? 200 : 10_000;
  return [20, large].map((size) => ({
    group: 'validate',
    key: `validate-${size}`,
    title: `Validate a ${size}-state definition (all state types)`,
    unit: 'ops',
    impls: [plan('stepcraft', size, quick ? 300 : 2_000), plan('peer', size, quick ? 300 : 3_000)],
    target: { ratio: 5, note: 'validate ≥ 5× faster than asl-validator' },
  }));
}

/**
 * Each run validates a fresh copy (made untimed): asl-validator writes `QueryLanguage` into every state it visits.
 * Both validators run with their defaults (ARN and path checks on) and must find the definition valid.
 */
export async function prepare(key: string, impl: Impl, size: number): Promise<Job> {
  if (!key.startsWith('validate-')) throw new Error(`Unknown validate scenario ${key}`);
  const definition = mixedDefinition(size);
  const setup = () => structuredClone(definition);
  if (impl === 'stepcraft') {
    const { validate } = await stepcraftAsl();
    type Diagnostics = ReturnType<typeof validate>;
    // The 10,000-state definition is over AWS's 1 MB definition quota, which validate() reports; the scenario
    // measures the rules, so that one finding is expected.
    const errors = (result: unknown) =>
      (result as Diagnostics).filter((d) => d.severity === 'error' && d.code !== 'DEFINITION_TOO_LARGE');
    return {
      work: 1,
      setup,
      run: (copy) => validate(copy as never),
      comparable: (result) => errors(result).length === 0,
      check: (result) =>
        errors(result).length === 0
          ? undefined
          : `rejected: ${errors(result)
              .slice(0, 3)
              .map((d) => `${d.code} ${d.pointer} ${d.message}`)
              .join('; ')}`,
      facts: async (result) => ({ diagnostics: (result as Diagnostics).length }),
    };
  }
  const { default: aslValidator } = await import('asl-validator');
  type Outcome = ReturnType<typeof aslValidator>;
  return {
    work: 1,
    setup,
    run: (copy) => aslValidator(copy as never),
    comparable: (result) => (result as Outcome).isValid,
    check: (result) =>
      (result as Outcome).isValid
        ? undefined
        : `rejected: ${(result as Outcome).errorsText('; ').slice(0, 400)}`,
  };
}
