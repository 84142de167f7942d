import type { JsonObject } from '@stepcraft/asl';
import { Project, ts } from 'ts-morph';
import { isObject } from './json.js';
import { createNamer } from './names.js';
import { stateCode, type Wiring } from './states.js';

/** Options of `importAsl`. */
export interface ImportOptions {
  /** The workflow's name (default: `ImportedWorkflow`). */
  readonly name?: string;
}

/** Thrown for a definition the generator cannot turn into builder code; the message names the state. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/** The names of the states a state jumps to, in the order the generator visits them (its `Next` last). */
function targetsOf(state: JsonObject): string[] {
  const names: string[] = [];
  if (Array.isArray(state.Catch))
    for (const c of state.Catch) if (isObject(c) && typeof c.Next === 'string') names.push(c.Next);
  if (Array.isArray(state.Choices))
    for (const c of state.Choices) if (isObject(c) && typeof c.Next === 'string') names.push(c.Next);
  if (typeof state.Default === 'string') names.push(state.Default);
  if (typeof state.Next === 'string') names.push(state.Next);
  return names;
}

/**
 * Generates TypeScript builder code for an ASL document: one `const` per state, targets declared before the
 * states that jump to them; a loop's target is declared apart from its `Next`, so the loop can reuse that value.
 */
export function generateWorkflowSource(document: unknown, options: ImportOptions = {}): string {
  if (!isObject(document) || !isObject(document.States) || typeof document.StartAt !== 'string') {
    throw new ImportError('not an ASL document: it needs "StartAt" and "States"');
  }
  const namer = createNamer();
  const statements: string[] = [];
  const topLanguage = document.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath';

  const generateMachine = (machine: JsonObject, inherited: string): string => {
    const states = isObject(machine.States) ? machine.States : {};
    const startAt = machine.StartAt;
    if (typeof startAt !== 'string' || !isObject(states[startAt])) {
      throw new ImportError(`a state machine's StartAt ${JSON.stringify(startAt)} names no state`);
    }
    const chains = new Map<string, string>();
    const bares = new Map<string, string>();
    const onStack = new Set<string>();
    const inProgress = new Set<string>();
    const stateOf = (name: string): JsonObject => {
      const state = states[name];
      if (!isObject(state))
        throw new ImportError(`a transition goes to "${name}", which is not a state of its machine`);
      return state;
    };
    // A finished state's chain, else its state value (loops reuse the value: the same value is one state).
    const ref = (target: string): string => chains.get(target) ?? bareOf(target);
    const expression = (name: string): string => {
      const state = stateOf(name);
      const language =
        state.QueryLanguage === 'JSONata' || state.QueryLanguage === 'JSONPath'
          ? state.QueryLanguage
          : inherited;
      const wiring: Wiring = { target: ref, machine: generateMachine };
      const { expression: text, todos } = stateCode(name, state, language, wiring);
      return todos.map((t) => `// TODO(stepcraft import): ${t}\n`).join('') + text;
    };
    const bareOf = (name: string): string => {
      const known = bares.get(name);
      if (known !== undefined) return known;
      if (inProgress.has(name)) {
        throw new ImportError(
          `"${name}" is in a loop of Catch/Choice transitions only, which the builder cannot express`,
        );
      }
      inProgress.add(name);
      const text = expression(name);
      const id = namer(name, 'State');
      statements.push(
        `// Declared apart from its Next: a loop comes back to this value.\nconst ${id} = ${text};`,
      );
      bares.set(name, id);
      inProgress.delete(name);
      return id;
    };
    const visit = (name: string): void => {
      if (chains.has(name) || onStack.has(name)) return;
      onStack.add(name);
      const state = stateOf(name);
      for (const target of targetsOf(state)) visit(target);
      const next = typeof state.Next === 'string' ? `.next(${ref(state.Next)})` : '';
      const bare = bares.get(name);
      if (bare !== undefined && next === '') {
        chains.set(name, bare);
      } else {
        const id = namer(name);
        statements.push(`const ${id} = ${bare ?? expression(name)}${next};`);
        chains.set(name, id);
      }
      onStack.delete(name);
    };
    visit(startAt);
    return ref(startAt);
  };

  const start = generateMachine(document, topLanguage);
  const workflowOptions = [
    ...(typeof document.Comment === 'string' ? [`comment: ${JSON.stringify(document.Comment)}`] : []),
    ...(typeof document.TimeoutSeconds === 'number' ? [`timeoutSeconds: ${document.TimeoutSeconds}`] : []),
  ];
  const name = options.name ?? 'ImportedWorkflow';
  const exportName = namer(name);
  statements.push(
    `/** Imported from ASL by \`stepcraft import\`. */\nexport const ${exportName} = workflow(${JSON.stringify(name)}${workflowOptions.length === 0 ? '' : `, { ${workflowOptions.join(', ')} }`}).start(${start});`,
  );
  const body = statements.join('\n\n');
  return format(`${importsFor(body)}\n\n${body}\n`);
}

const CORE_EXPORTS = [
  'activity',
  'and',
  'awsSdk',
  'choice',
  'dynamodb',
  'fail',
  'lambda',
  'map',
  'not',
  'or',
  'parallel',
  'pass',
  'raw',
  'resource',
  'sns',
  'sqs',
  'States',
  'succeed',
  'task',
  'wait',
  'workflow',
];

function importsFor(body: string): string {
  const code = body.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\/\/.*$/gm, '');
  const used = CORE_EXPORTS.filter((name) => new RegExp(`(?<![\\w.$])${name}[(.]`).test(code));
  const lines = [`import { ${used.join(', ')} } from '@stepcraft/core';`];
  if (/\bz\./.test(code)) lines.push(`import { z } from 'zod';`);
  return lines.join('\n');
}

function format(text: string): string {
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile('workflow.ts', text);
  file.formatText({
    indentSize: 2,
    convertTabsToSpaces: true,
    semicolons: ts.SemicolonPreference.Insert,
  });
  return file.getFullText();
}
