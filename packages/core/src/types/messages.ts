/**
 * Every compile-time message, in one table: the wording of each entry from its positional arguments (`A[0]`,
 * `A[1]`, …, named in the entry's doc). Builders put `StepcraftTypeError<Message<'key', [args]>>` in the parameter
 * position, so the editor reports the text on the offending argument. State names are in 'single quotes' and fields
 * in `backticks`: TypeScript prints a message inside double quotes and would escape double quotes in it.
 */
export interface Messages<A extends readonly string[]> {
  /** [source, target, fields]: a wire whose source lacks required fields of the target's input. */
  lacks: `${A[0]} lacks ${A[2]} required by the input of '${A[1]}'`;
  /** [source, target, field, has, wants, more]: a wire whose source has a field of the wrong type. */
  mistyped: `${A[0]} has ${A[2]} as ${A[3]} where the input of '${A[1]}' needs ${A[4]}${A[5]}`;
  /** [source, target, from, to]: a wire whose types differ as a whole (not field by field). */
  unfit: `${A[0]} (${A[2]}) does not fit the input of '${A[1]}' (${A[3]})`;
  /** [target]: a chain whose states need types nothing has. */
  impossible: `The input of '${A[0]}' is never: the states after it need incompatible types`;
  /** [state]: `.next()` after a state that ends its branch. */
  closed: `'${A[0]}' ends its branch (Choice, Succeed or Fail): nothing can follow it`;

  /** [state]: the source of a wire out of a state. */
  outputOf: `Output of '${A[0]}'`;
  /** [workflow]: the source of `workflow().start()`. */
  workflowInput: `Input of workflow '${A[0]}'`;
  /** [state, resultPath]: the source of a Catch handler's wire. */
  errorOutput: `Error output of '${A[0]}' at ${A[1]}`;
  /** [state]: the source of a Map processor's wire. */
  mapItems: `Each item of Map '${A[0]}'`;
  /** [state]: the source of a Map processor's wire when items are batched. */
  mapBatches: `Each batch of Map '${A[0]}'`;
  /** [state]: the source of a Parallel branch's wire. */
  parallelInput: `Input of Parallel '${A[0]}'`;
  /** [state]: the source of a Choice rule's own `output`. */
  ruleOutput: `Rule output of '${A[0]}'`;

  /** [path, where]: a path that selects nothing. */
  pathMissing: `Path '${A[0]}' does not exist in ${A[1]}`;
  /** [path, where]: a path into a value whose type is not declared. */
  pathUntyped: `Path '${A[0]}' reads ${A[1]}, which has no declared type: give the state an input schema`;
  /** [path, state, what]: a Wait path of the wrong type. */
  pathType: `Path '${A[0]}' of '${A[1]}' must select ${A[2]} in its input`;
  /** [path, state]: an ItemsPath that does not select an array. */
  itemsPath: `ItemsPath '${A[0]}' of '${A[1]}' must select an array in its input`;
  /** [where, path]: a ResultPath into the Context Object. */
  resultPathContext: `ResultPath of ${A[0]} cannot point into the Context Object ('${A[1]}')`;
  /** [path, where]: a ResultPath that does not parse. */
  resultPathSyntax: `ResultPath '${A[0]}' of ${A[1]} is not a reference path like '$.a.b'`;
  /** [path, where, prefix, type]: a ResultPath that writes into a value that cannot hold fields. */
  resultPathInto: `ResultPath '${A[0]}' of ${A[1]} writes into \`${A[2]}\` (${A[3]}): AWS fails that with States.ResultPathMatchFailure`;
  /** [state]: `resultPath()` after `outputPath()`. */
  resultPathOrder: `Call resultPath() before outputPath() on '${A[0]}' (AWS applies ResultPath first)`;
  /** [state]: `resultPath()` after a ResultSelector that returns a bare value. */
  bareResult: `The ResultSelector of '${A[0]}' returns a bare value, which ASL can only output whole: select fields, ({ result }) => ({ id: result.Payload.id }), to use resultPath()`;
  /** [state]: a `.waitForTaskToken` task that does not send the token. */
  taskToken: `'${A[0]}' waits for a task token: put context.Task.Token in its parameters`;

  /** [where, operator, kind, field, type]: a Choice comparison the field's type cannot satisfy. */
  operand: `${A[0]}${A[1]} compares ${A[2]}, but ${A[3]} is ${A[4]}`;
  /** [state]: where a Choice comparison sits, prefixed to `operand`. */
  inChoice: `Choice '${A[0]}': `;
  /** [field]: a switch value compared before a field that may be missing is handled. */
  missingFirst: `\`${A[0]}\` may be missing: handle that first with .when(undefined, …), as AWS fails any other comparison on a missing field`;
  /** [state, missing, field, first]: a Choice switch used before every value is handled. */
  unhandled: `Choice '${A[0]}' does not handle ${A[1]} of \`${A[2]}\`: add .when(${A[3]}, …) or .otherwise(…)`;

  /** [field, factory]: a field the spec of `map()`/`parallel()` does not have. */
  unknownField: `'${A[0]}' is not a field of ${A[1]}()`;

  /** [variable, declared, value]: a value of the wrong type assigned to a variable. */
  variable: `Variable $${A[0]} holds ${A[1]}: a value of type ${A[2]} cannot be assigned to it`;
}

/** The keys of the message table. */
export type MessageKey = keyof Messages<[]>;

/** The text of message `TKey` with its arguments. */
export type Message<TKey extends MessageKey, TArgs extends readonly string[]> = Messages<TArgs>[TKey];
