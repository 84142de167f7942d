/**
 * The 18 intrinsic functions AWS provides, with how many arguments each takes.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html
 */
export const INTRINSIC_FUNCTIONS: ReadonlyMap<string, { minArgs: number; maxArgs: number }> = new Map([
  ['States.Format', { minArgs: 1, maxArgs: Number.POSITIVE_INFINITY }],
  ['States.StringToJson', { minArgs: 1, maxArgs: 1 }],
  ['States.JsonToString', { minArgs: 1, maxArgs: 1 }],
  ['States.Array', { minArgs: 0, maxArgs: Number.POSITIVE_INFINITY }],
  ['States.ArrayPartition', { minArgs: 2, maxArgs: 2 }],
  ['States.ArrayContains', { minArgs: 2, maxArgs: 2 }],
  ['States.ArrayRange', { minArgs: 3, maxArgs: 3 }],
  ['States.ArrayGetItem', { minArgs: 2, maxArgs: 2 }],
  ['States.ArrayLength', { minArgs: 1, maxArgs: 1 }],
  ['States.ArrayUnique', { minArgs: 1, maxArgs: 1 }],
  ['States.Base64Encode', { minArgs: 1, maxArgs: 1 }],
  ['States.Base64Decode', { minArgs: 1, maxArgs: 1 }],
  ['States.Hash', { minArgs: 2, maxArgs: 2 }],
  ['States.JsonMerge', { minArgs: 3, maxArgs: 3 }],
  ['States.MathRandom', { minArgs: 2, maxArgs: 3 }],
  ['States.MathAdd', { minArgs: 2, maxArgs: 2 }],
  ['States.StringSplit', { minArgs: 2, maxArgs: 2 }],
  ['States.UUID', { minArgs: 0, maxArgs: 0 }],
]);
