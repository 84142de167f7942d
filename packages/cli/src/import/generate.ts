import type { JsonObject } from '@stepcraft/asl';
import { Project, ts } from 'ts-morph';
import { isObject, printList } from './json.js';
import { createNamer } from './names.js';
import { createShape, depth, isEmpty, printSchema, type Shape, TIGHTEN } from './shape.js';
import { type NestedMachine, stateCode, type Wiring } from './states.js';

// Bounds of the requirement analysis: a loop that nests its need under a path would otherwise grow forever.
const MAX_ROUNDS = 20;
const MAX_DEPTH = 12;

function languageOf(state: JsonObject, inherited: string): string {
  return state.QueryLanguage === 'JSONata' || state.QueryLanguage === 'JSONPath'
    ? state.QueryLanguage
    : inherited;
}

/**
 * What each state of a machine needs of its input (its own reads and, carried backwards, its successors'), to a
 * fixed point: loops feed a state's need back into itself.
 */
function analyse(machine: JsonObject, inherited: string, endDemand: Shape): Map<string, Shape> {
  const states = isObject(machine.States) ? machine.States : {};
  const needs = new Map<string, Shape>();
  const wiring: Wiring = {
    target: () => '',
    demand: (name) => (name === undefined ? endDemand : (needs.get(name) ?? createShape())),
    machine: (nested, language, demand) => ({ code: '', input: startNeed(nested, language, demand) }),
  };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const [name, state] of Object.entries(states)) {
      if (!isObject(state)) continue;
      const { input } = stateCode(name, state, languageOf(state, inherited), wiring);
      const known = needs.get(name);
      if (depth(input) > MAX_DEPTH) continue;
      if (known === undefined || printSchema(known) !== printSchema(input)) {
        needs.set(name, input);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return needs;
}

function startNeed(machine: JsonObject, inherited: string, endDemand: Shape): Shape {
  const start = typeof machine.StartAt === 'string' ? machine.StartAt : '';
  return analyse(machine, inherited, endDemand).get(start) ?? createShape();
}

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

  const generateMachine = (machine: JsonObject, inherited: string, endDemand: Shape): NestedMachine => {
    const states = isObject(machine.States) ? machine.States : {};
    const startAt = machine.StartAt;
    if (typeof startAt !== 'string' || !isObject(states[startAt])) {
      throw new ImportError(`a state machine's StartAt ${JSON.stringify(startAt)} names no state`);
    }
    const needs = analyse(machine, inherited, endDemand);
    const chains = new Map<string, string>();
    const ids = new Map<string, string>();
    const onStack = new Set<string>();
    const stateOf = (name: string): JsonObject => {
      const state = states[name];
      if (!isObject(state))
        throw new ImportError(`a transition goes to "${name}", which is not a state of its machine`);
      return state;
    };
    const idOf = (name: string): string => {
      const known = ids.get(name);
      if (known !== undefined) return known;
      const id = namer(name);
      ids.set(name, id);
      return id;
    };
    // A finished state's chain; a state still being built is a loop back to it, which `later()` closes.
    const ref = (target: string, unchecked = false): string => {
      stateOf(target);
      const chain = unchecked ? undefined : chains.get(target);
      return chain ?? `later(${JSON.stringify(target)}, () => ${idOf(target)})`;
    };
    const wiring: Wiring = {
      target: ref,
      demand: (target) => (target === undefined ? endDemand : (needs.get(target) ?? createShape())),
      machine: generateMachine,
    };
    const visit = (name: string): void => {
      if (chains.has(name) || onStack.has(name)) return;
      onStack.add(name);
      const state = stateOf(name);
      for (const target of targetsOf(state)) visit(target);
      const {
        expression: text,
        todos,
        uncheckedNext,
      } = stateCode(name, state, languageOf(state, inherited), wiring);
      const next = typeof state.Next === 'string' ? `.next(${ref(state.Next, uncheckedNext)})` : '';
      // A multi-line state gets its `.next()` on a line of its own, like its other calls.
      const body = `${text}${text.includes('\n') && next !== '' ? '\n' : ''}${next}`;
      const notes = todos.map((t) => `// TODO(stepcraft import): ${t}\n`).join('');
      statements.push(`${notes}const ${idOf(name)} = ${body};`);
      chains.set(name, idOf(name));
      onStack.delete(name);
    };
    visit(startAt);
    return { code: ref(startAt), input: needs.get(startAt) ?? createShape() };
  };

  const start = generateMachine(document, topLanguage, createShape());
  const workflowOptions = [
    ...(isEmpty(start.input) ? [] : [`input: ${printSchema(start.input)}`]),
    ...(typeof document.Comment === 'string' ? [`comment: ${JSON.stringify(document.Comment)}`] : []),
    ...(typeof document.TimeoutSeconds === 'number' ? [`timeoutSeconds: ${document.TimeoutSeconds}`] : []),
  ];
  const name = options.name ?? 'ImportedWorkflow';
  const exportName = namer(name);
  statements.push(
    `${isEmpty(start.input) ? '' : `// TODO(stepcraft import): ${TIGHTEN}\n`}/** Imported from ASL by \`stepcraft import\`. */\nexport const ${exportName} = workflow(${JSON.stringify(name)}${workflowOptions.length === 0 ? '' : `, ${printList(workflowOptions, '{', '}')}`}).start(${start.code});`,
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
  'later',
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
  const used = CORE_EXPORTS.filter((name) => new RegExp(`(?<![\\w.$])${name}[(.<]`).test(code));
  const lines = [`import { ${used.join(', ')} } from '@stepcraft/core';`];
  if (/\bz\./.test(code)) lines.push(`import { z } from 'zod';`);
  return lines.join('\n');
}

function format(text: string): string {
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile('workflow.ts', singleQuoted(text));
  file.formatText({
    indentSize: 2,
    convertTabsToSpaces: true,
    semicolons: ts.SemicolonPreference.Insert,
  });
  return file.getFullText();
}

/** The repository's style: string literals in single quotes (the generator prints them with `JSON.stringify`). */
function singleQuoted(text: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  let out = '';
  let last = 0;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token !== ts.SyntaxKind.StringLiteral || !scanner.getTokenText().startsWith('"')) continue;
    const value = scanner.getTokenValue();
    const quoted = JSON.stringify(value).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'");
    out += `${text.slice(last, scanner.getTokenStart())}'${quoted}'`;
    last = scanner.getTokenEnd();
  }
  return out + text.slice(last);
}
