import { Project } from 'ts-morph';
import { describe, expect, test } from 'vitest';
import { discoverWorkflows } from '../src/discover.js';

function discover(text: string) {
  const project = new Project({ useInMemoryFileSystem: true });
  return discoverWorkflows(project.createSourceFile('/w.ts', text)).map(({ exportName, line }) => ({
    exportName,
    line,
  }));
}

describe('discoverWorkflows', () => {
  test('finds exported variables initialised by a workflow(...) chain', () => {
    const found = discover(`import { workflow, pass } from '@stepcraft/core';
const first = pass('First', {});
export const plain = workflow('Plain', {});
export const chained = workflow('Chained', {}).start(first).next(first);
export const wrapped = (workflow('Wrapped', {}) as unknown as object);
export const notOne = pass('Other', {});
export function helper() { return workflow('Inside', {}); }`);
    expect(found).toEqual([
      { exportName: 'plain', line: 3 },
      { exportName: 'chained', line: 4 },
      { exportName: 'wrapped', line: 5 },
    ]);
  });

  test('follows aliases, namespace imports, export lists and export default', () => {
    const found = discover(`import * as sc from '@stepcraft/core';
import { workflow as flow, type Workflow } from '@stepcraft/core';
const a = sc.workflow('A', {});
const b = flow('B', {}).start(x);
declare function make(): Workflow;
const c: Workflow = make();
const notExported = flow('Hidden', {});
export { a, b as renamed };
export { c };
export default flow('D', {});`);
    expect(found).toEqual([
      { exportName: 'a', line: 8 },
      { exportName: 'renamed', line: 8 },
      { exportName: 'c', line: 9 },
      { exportName: 'default', line: 10 },
    ]);
  });

  test('ignores files that do not import from @stepcraft/core, and look-alikes', () => {
    expect(discover(`import { workflow } from './my-own.js';\nexport const w = workflow('W', {});`)).toEqual(
      [],
    );
    expect(
      discover(`import { workflow } from '@stepcraft/core';
const other = { workflow };
export const w = other.workflow('W', {});
export const x = run(workflow);`),
    ).toEqual([]);
  });
});
