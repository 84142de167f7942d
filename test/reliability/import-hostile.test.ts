import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JsonObject } from '@stepcraft/asl';
import { compile } from '@stepcraft/core';
import { afterAll, describe, expect, it } from 'vitest';
import { aslText } from '../../packages/cli/src/import/faithful.js';
import { generateWorkflowSource, ImportError } from '../../packages/cli/src/import/index.js';
import { loadModule } from '../../packages/cli/src/load.js';
import { generatedDir } from '../round-trip/harness.js';
import { importText } from './import-scenarios.js';

// Issue 10 item 8: `import` copied a state name holding a bidi override (U+202E) raw into the code it wrote. Every
// name and string now reaches the source escaped, and nothing in a definition can become code.

const dir = generatedDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Characters that must never appear raw in generated source (a line break only as a line break). */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u00A0\u3000]/u;

async function buildsBack(name: string, document: JsonObject): Promise<string> {
  const source = generateWorkflowSource(document, { name: 'Hostile' });
  const file = path.join(dir, `${name}.ts`);
  writeFileSync(file, source);
  const module = await loadModule(file);
  expect(aslText(compile(module.hostile as never, { validate: false }).definition)).toBe(aslText(document));
  return source;
}

describe('names and strings that could hide or inject code', () => {
  it('a state named with U+202E (and other invisible characters everywhere) is escaped, never raw', async () => {
    const name = 'Approve\u202Enimda\u2066 \u200B';
    const source = await buildsBack('bidi', {
      Comment: 'workflow\u2028comment\u00A0',
      StartAt: name,
      States: {
        [name]: {
          Type: 'Choice',
          Comment: 'rule \u202D',
          Choices: [{ Variable: '$.who', StringEquals: 'root\u2067\uFEFF', Next: 'Done\u200D' }],
          Default: 'Done\u200D',
        },
        'Done\u200D': {
          Type: 'Pass',
          Parameters: { 'key\u202E': 'value\u3164', 'who.$': "$['who\u202E']" },
          ResultPath: '$.out\u2029',
          End: true,
        },
      },
    });
    expect(source).toContain("choice('Approve\\u202Enimda\\u2066 \\u200B'");
    expect(source).toContain("'key\\u202E': 'value\\u3164'");
    const lines = source.split('\n');
    expect(lines.filter((line) => INVISIBLE.test(line))).toEqual([]);
  });

  it('a name or comment that closes a comment or a string and writes code stays a string', async () => {
    const evil = "x'); globalThis.injected = true; ('\n*/ globalThis.injected = true; /*";
    const source = await buildsBack('injection', {
      StartAt: evil,
      States: {
        // An unknown field named so is kept raw, with a note naming it.
        [evil]: {
          Type: 'Pass',
          Comment: `${evil}\n// ${evil}`,
          Result: { [evil]: evil },
          [evil]: 1,
          Next: 'Fail',
        },
        Fail: { Type: 'Fail', Error: evil, Cause: '\\u0000 */' },
      },
    });
    expect((globalThis as { injected?: unknown }).injected).toBeUndefined();
    expect(
      source
        .split('\n')
        .filter((line) => line.includes('globalThis.injected = true;') && !line.includes("'")),
    ).toEqual([]);
  });

  it('__proto__, constructor and prototype are names and keys like any other', async () => {
    // As JSON.parse reads them: own keys named __proto__ (an object literal would set the prototype instead).
    const document = JSON.parse(
      JSON.stringify({
        StartAt: '__proto__',
        States: {
          PROTO: {
            Type: 'Pass',
            Result: { PROTO: { polluted: true }, constructor: 1 },
            ResultPath: '$.PROTO',
            Next: 'constructor',
          },
          constructor: {
            Type: 'Pass',
            Parameters: { 'prototype.$': '$.PROTO', PROTO: 'x' },
            Next: 'prototype',
          },
          prototype: { Type: 'Succeed' },
        },
      }).replaceAll('PROTO', '__proto__'),
    );
    const source = await buildsBack('proto', document);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(source).toContain("['__proto__']: { polluted: true }");
  });
});

describe('what is not a definition', () => {
  it.each([
    ['an array', '[]', 'not an ASL document'],
    ['a string', '"StartAt"', 'not an ASL document'],
    ['no States', '{"StartAt":"A"}', 'not an ASL document'],
    [
      'an unknown Type',
      '{"StartAt":"A","States":{"A":{"Type":"Sleep"}}}',
      'the state at /States/A has an unknown Type "Sleep"',
    ],
    [
      'a Next to nowhere',
      '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}',
      'goes to "B", which is not a state',
    ],
    [
      'a field the builder cannot write back',
      '{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"Comment":"c","StartAt":"A","States":{"A":{"Type":"Succeed"}}}],"End":true}}}',
      '/States/P/Branches/0/Comment would be left out',
    ],
  ])('%s is exit 1 with the reason, from the CLI', async (_, text, reason) => {
    const { code, stderr } = await importText(text);
    expect(code).toBe(1);
    expect(stderr).toContain('cannot import: ');
    expect(stderr).toContain(reason);
  });

  it('a document object that contains itself is an ImportError, not a hang', () => {
    const document: Record<string, unknown> = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };
    (document.States as Record<string, Record<string, unknown>>).A = {
      Type: 'Pass',
      Result: document,
      End: true,
    };
    expect(() => generateWorkflowSource(document)).toThrow(ImportError);
  });
});
