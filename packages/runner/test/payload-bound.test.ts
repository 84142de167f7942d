import { type JsonValue, jsonByteLength } from '@stepcraft/asl';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { payloadProblem } from '../src/limits.js';

const leaf = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.boolean(), fc.constant(null));
const json = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('the payload bound', () => {
  it('answers exactly as the byte count does, also for payloads that share containers already checked', () => {
    fc.assert(
      fc.property(
        fc.array(json, { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 8, max: 400 }),
        (shared, layouts, limit) => {
          // Each payload holds some of the shared values as top-level fields and one level deeper, in the order
          // checked, so later checks meet containers earlier ones remembered (at the top level and elsewhere).
          for (const layout of layouts) {
            const fields: Record<string, JsonValue> = {};
            layout.forEach((pick, i) => {
              const value = shared[pick % shared.length] as JsonValue;
              fields[`f${i}`] = i % 2 === 0 ? value : { inner: value };
            });
            for (const payload of [fields, [fields], Object.values(fields)] as JsonValue[]) {
              const exact = jsonByteLength(payload, limit) > limit ? 'size' : undefined;
              expect(payloadProblem(payload, limit)).toBe(exact);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds the size of a payload whose top-level container was remembered when it was small enough', () => {
    const items = Array.from({ length: 20 }, (_, i) => ({ id: i, name: `item-${i}` }));
    expect(payloadProblem({ items, r: 1 }, 2_000)).toBeUndefined();
    expect(payloadProblem({ items, r: 'x'.repeat(2_000) }, 2_000)).toBe('size');
    expect(payloadProblem({ items, more: items }, 2_000)).toBe(
      jsonByteLength({ items, more: items }) > 2_000 ? 'size' : undefined,
    );
  });
});
