/**
 * `@stepcraft/cdk/cloudformation`: everything that does not need aws-cdk-lib — the execution policy derived from
 * a definition, CloudFormation/SAM templates and the JSON Schemas of a workflow's input and output.
 */

export type { DeployFile, DeployFiles, DeployFilesOptions } from './cloudformation/deploy-files.js';
export { deployFiles } from './cloudformation/deploy-files.js';
export type { CfnValue } from './cloudformation/intrinsics.js';
export type { DeployableWorkflow, TemplateOptions, TemplateResult } from './cloudformation/template.js';
export { toTemplate } from './cloudformation/template.js';
export type { DeploymentNeeds, Finding, PlaceholderUse } from './deploy/analyze.js';
export { analyzeDefinition, mergeStatements } from './deploy/analyze.js';
export type { ArnTemplate, IdentifierValue, ValuePart } from './deploy/arn.js';
export type { Identifier } from './deploy/identifier.js';
export type { CallPattern, FieldSpec, IntegrationRow, TaskCall } from './deploy/integrations.js';
export { AWS_SDK_RESOURCES, IAM_SERVICE_PREFIX, OPTIMIZED_INTEGRATIONS } from './deploy/integrations.js';
export { logicalId } from './deploy/logical-id.js';
export type { ResourceKind, ResourceKindSpec } from './deploy/resource-kinds.js';
export { RESOURCE_KINDS } from './deploy/resource-kinds.js';
export type { LogSettings } from './deploy/settings.js';
export type { PolicyCondition, PolicyResource, PolicyStatement } from './deploy/statement.js';
export type {
  JsonSchema,
  JsonSchemaTarget,
  WorkflowSchemas,
  WorkflowSchemasOptions,
} from './schemas/json-schema.js';
export { workflowSchemas } from './schemas/json-schema.js';
