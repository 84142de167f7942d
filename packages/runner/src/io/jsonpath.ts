/** The JSONPath-mode evaluation API the interpreter uses (one import site for paths, templates and ResultPath). */
export { evaluateIntrinsic } from '../intrinsics/evaluate.js';
export { applyInputPath, applyOutputPath, queryPath, readReferencePath } from './path.js';
export { applyPayloadTemplate } from './payload-template.js';
export { applyResultPath } from './result-path.js';
