import { describe, expect, test } from 'vitest';
import { type AslDocument, validate } from '../src/index.js';

// A definition built in JavaScript can hold members set to `undefined`; JSON.stringify drops them, so AWS never
// sees them. validate() reads such a member as absent, like the JSON text would be, at every level.
const codes = (definition: unknown) =>
  validate(definition as AslDocument).map((d) => [d.code, d.pointer, d.message] as const);
const pass = { Type: 'Pass', End: true };

describe('a member set to undefined is absent', () => {
  test('Comment: undefined is valid, as the JSON text without it', () => {
    expect(codes({ Comment: undefined, StartAt: 'P', States: { P: pass } })).toEqual([]);
    expect(codes({ StartAt: 'P', States: { P: { ...pass, Comment: undefined } } })).toEqual([]);
    expect(codes({ StartAt: 'P', States: { P: pass } })).toEqual(
      codes(JSON.parse(JSON.stringify({ Comment: undefined, StartAt: 'P', States: { P: pass } }))),
    );
  });

  test('StartAt or States set to undefined is missing, at the top level and in a branch', () => {
    expect(codes({ StartAt: undefined, States: { P: pass } })).toEqual([
      ['MISSING_FIELD', '', 'The state machine requires "StartAt".'],
    ]);
    expect(codes({ StartAt: 'P', States: undefined })).toEqual([
      ['MISSING_FIELD', '', 'The state machine requires "States".'],
    ]);
    expect(
      codes({
        StartAt: 'X',
        States: {
          X: { Type: 'Parallel', End: true, Branches: [{ StartAt: undefined, States: { P: pass } }] },
        },
      }),
    ).toEqual([
      [
        'MISSING_FIELD',
        '/States/X/Branches/0',
        'The state machine at /States/X/Branches/0 requires "StartAt".',
      ],
    ]);
  });

  test('a required state field set to undefined is missing; an unknown name is still reported (a typo)', () => {
    expect(codes({ StartAt: 'T', States: { T: { Type: 'Task', Resource: undefined, End: true } } })).toEqual([
      ['MISSING_FIELD', '/States/T', 'State "T": a Task state requires "Resource".'],
    ]);
    expect(
      codes({ StartAt: 'P', States: { P: { ...pass, Nxet: undefined } } }).map(([code]) => code),
    ).toEqual(['UNKNOWN_FIELD']);
  });
});
