import type { PassNode } from '@stepcraft/core/ir';
import { isObject, printJson } from '../source-text.js';
import { throughTemplate } from './demand.js';
import { finish, inputSchema, keepRaw, type PrintInput, type StateCode, startDraft } from './draft.js';
import { inputScope, isTooDeepToType, printTemplate, selector } from './expressions.js';
import { printInputPath, printOutput, resultNeed } from './io.js';
import { merge } from './shape.js';

/** A Pass: its `result` (a constant) or `parameters` (a selector over typed refs). */
export function printPass(input: PrintInput<PassNode>): StateCode {
  const d = startDraft(input);
  const { node, asl } = d;
  printInputPath(d);
  if (node.result !== undefined && !isTooDeepToType(node.result)) {
    d.handled.add('Result');
    d.spec.push(`result: ${printJson(node.result)},`);
  } else if (node.result !== undefined) {
    keepRaw(d, 'Result', 'Result kept raw: it nests too deep for TypeScript to type');
    d.uncheckedOutput = 'it gets a Result kept raw';
  }
  const need = resultNeed(d, false);
  if (node.parameters !== undefined && isObject(asl.Parameters)) {
    d.handled.add('Parameters');
    const s = inputScope(d.effective, 'plain');
    d.spec.push(`parameters: ${selector(printTemplate(node.parameters, asl.Parameters, s, need), s)},`);
    throughTemplate(node.parameters, need, { data: d.effective });
  } else if (node.result === undefined && !Object.hasOwn(asl, 'Parameters') && d.effective !== undefined) {
    merge(d.effective, need);
  }
  printOutput(d, true, false);
  return finish(d, 'pass', inputSchema(d));
}
