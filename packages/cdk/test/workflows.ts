// biome-ignore-all lint/suspicious/noTemplateCurlyInString: placeholders as they appear in ASL
import type { AslDocument, AslState } from '@stepcraft/asl';
import { lambda, placeholder, task, type WorkflowOptions, workflow } from '@stepcraft/core';
import type { DeployableWorkflow } from '../src/cloudformation.js';

/** A one-task workflow calling the function bound to `${Fn}`. */
export function workflowOf(name: string, options: WorkflowOptions<never> = {}) {
  return workflow(name, options).start(task('Call', { resource: lambda.invoke(placeholder('Fn')) }));
}

/** A definition with one Task per entry, in order. */
export function definitionOf(tasks: Readonly<Record<string, Partial<AslState>>>): AslDocument {
  const names = Object.keys(tasks);
  const states = Object.fromEntries(
    names.map((name, i) => [
      name,
      { Type: 'Task', ...tasks[name], ...(i + 1 < names.length ? { Next: names[i + 1] } : { End: true }) },
    ]),
  );
  return { StartAt: names[0] as string, States: states as AslDocument['States'] };
}

/** A Distributed Map reading from and writing to S3. */
export const distributed: DeployableWorkflow = {
  name: 'Distributed',
  type: 'STANDARD',
  definition: {
    StartAt: 'Each',
    States: {
      Each: {
        Type: 'Map',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'JSON' },
          Parameters: { Bucket: '${InputBucket}', Key: 'items.json' },
        },
        ResultWriter: {
          Resource: 'arn:aws:states:::s3:putObject',
          Parameters: { Bucket: '${InputBucket}', Prefix: 'out/' },
        },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
          StartAt: 'Work',
          States: {
            Work: {
              Type: 'Task',
              Resource: 'arn:aws:states:::lambda:invoke',
              Parameters: { FunctionName: '${Worker}', 'Payload.$': '$' },
              End: true,
            },
          },
        },
        End: true,
      },
    },
  } as AslDocument,
};
