import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import type { Obj } from '../src/json-shape.js';
import { addMachine, addState, type DefinitionSize } from '../src/validate/definition-size.js';

const bytesOfText = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Counts a document the way the walk does: its top level, then each state of `States` as it is read. */
function counted(document: Obj): number {
  const size: DefinitionSize = { bytes: 0, limit: Number.POSITIVE_INFINITY };
  const states = document.States;
  const isStates = typeof states === 'object' && states !== null && !Array.isArray(states);
  const names = isStates ? Object.keys(states) : [];
  addMachine(size, document, Object.keys(document), names);
  for (const name of names) {
    const state = (states as Obj)[name];
    const isObject = typeof state === 'object' && state !== null && !Array.isArray(state);
    addState(size, state, isObject ? Object.keys(state) : undefined);
  }
  return size.bytes;
}

describe('the definition size counted during the walk', () => {
  it('is the UTF-8 byte length of the compact JSON, whatever the members and states hold', () => {
    const members = fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue());
    fc.assert(
      fc.property(
        members,
        fc.dictionary(fc.string({ unit: 'binary' }), fc.oneof(members, fc.jsonValue())),
        (top, states) => {
          const document = { ...top, States: states };
          expect(counted(document)).toBe(bytesOfText(document));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves out what JSON leaves out, and counts an empty or non-object States whole', () => {
    const document = {
      StartAt: 'é',
      States: { a: { Type: 'Pass', Comment: undefined, End: true }, b: undefined, '"': [1, undefined] },
      Comment: undefined,
    };
    expect(counted(document as never)).toBe(bytesOfText(document));
    for (const states of [{}, [], 'x', null]) {
      expect(counted({ StartAt: 'A', States: states } as never)).toBe(
        bytesOfText({ StartAt: 'A', States: states }),
      );
    }
  });

  it('decides the 1 MB quota at the exact byte, non-ASCII names and nested branches included', () => {
    const branch = {
      StartAt: 'ü',
      States: { ü: { Type: 'Pass', Result: { '€': [1.5, null, true] }, End: true } },
    };
    const document = (pad: number) => ({
      Comment: 'x'.repeat(pad),
      StartAt: 'Ä',
      States: { Ä: { Type: 'Parallel', Branches: [branch], Next: '😀' }, '😀': { Type: 'Succeed' } },
    });
    const pad = 1_048_576 - bytesOfText(document(0));
    expect(validate(document(pad))).toEqual([]);
    expect(validate(document(pad + 1)).map((d) => d.code)).toEqual(['DEFINITION_TOO_LARGE']);
  });
});
