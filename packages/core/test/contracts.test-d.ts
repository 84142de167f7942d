import type * as asl from '@stepcraft/asl';
import type * as core from '@stepcraft/core';
import { compile, lambda, task, workflow } from '@stepcraft/core';
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';

// The contract types are declared once, in @stepcraft/asl; core and the runner re-export the same types.
describe('contract types in one place', () => {
  test('core re-exports the asl declarations under their names (and Schema, its older name)', () => {
    expectTypeOf<core.StateContract>().toEqualTypeOf<asl.StateContract>();
    expectTypeOf<core.Contracts>().toEqualTypeOf<asl.Contracts>();
    expectTypeOf<core.Handlers>().toEqualTypeOf<asl.Handlers>();
    expectTypeOf<core.TaskHandler>().toEqualTypeOf<asl.TaskHandler>();
    expectTypeOf<core.TaskHandlerContext>().toEqualTypeOf<asl.TaskHandlerContext>();
    expectTypeOf<core.StandardSchema>().toEqualTypeOf<asl.StandardSchema>();
    expectTypeOf<core.Schema>().toEqualTypeOf<asl.StandardSchema>();
    expectTypeOf<core.SchemaResult>().toEqualTypeOf<asl.SchemaResult>();
    expectTypeOf<core.SchemaIssue>().toEqualTypeOf<asl.SchemaIssue>();
  });

  test("a core task handler's context has the Task's credentials", () => {
    task('Charge', {
      resource: lambda.invoke('charge'),
      input: z.object({ id: z.string() }),
      handler: async (input, context) => {
        expectTypeOf(context.credentials).toEqualTypeOf<{ readonly roleArn: string } | undefined>();
        return input;
      },
    });
  });

  test("compile()'s result is the asl CompiledWorkflow, typed by the workflow", () => {
    const one = task('One', {
      resource: lambda.invoke('one'),
      input: z.object({ id: z.string() }),
      output: z.object({ id: z.string() }),
      resultSelector: lambda.payload,
    });
    const compiled = compile(workflow('W', { input: z.object({ id: z.string() }) }).start(one));
    expectTypeOf(compiled).toExtend<asl.CompiledWorkflow<{ id: string }, { id: string }>>();
    expectTypeOf(compiled.contracts).toEqualTypeOf<asl.Contracts>();
    expectTypeOf(compiled.handlers).toEqualTypeOf<asl.Handlers>();
  });
});
