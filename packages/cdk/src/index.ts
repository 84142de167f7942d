/**
 * `@stepcraft/cdk`: deploy a Stepcraft workflow with AWS CDK. The CDK-free parts (policy derivation,
 * CloudFormation/SAM templates, JSON Schemas) are also at `@stepcraft/cdk/cloudformation`.
 */
export type { BindingProblem, Bindings, BindingTypes, Grant, RequiredBindings } from './cdk/bindings.js';
export { BINDINGS, checkBindings } from './cdk/bindings.js';
export type { StepcraftLogOptions, StepcraftStateMachineProps } from './cdk/state-machine.js';
export { StepcraftStateMachine } from './cdk/state-machine.js';
export * from './cloudformation.js';
