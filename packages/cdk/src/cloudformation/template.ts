import type { AslDocument, JsonValue } from '@stepcraft/asl';
import { analyzeDefinition, type Finding, type PlaceholderUse } from '../deploy/analyze.js';
import { logicalId, logicalIds } from '../deploy/logical-id.js';
import { RESOURCE_KINDS } from '../deploy/resource-kinds.js';
import { LOG_DELIVERY, type LogSettings, logSettings, XRAY } from '../deploy/settings.js';
import type { PolicyResource, PolicyStatement } from '../deploy/statement.js';
import { type CfnValue, renderArn } from './intrinsics.js';

/** The compiled workflow a template is written for (`compile()`'s result has these fields). */
export interface DeployableWorkflow {
  readonly name: string;
  readonly type: 'STANDARD' | 'EXPRESS';
  readonly definition: AslDocument;
}

/** Options of `toTemplate()`. */
export interface TemplateOptions {
  /** `cloudformation` (`AWS::StepFunctions::StateMachine` + `AWS::IAM::Role`) or `sam` (`AWS::Serverless::StateMachine`). */
  readonly format: 'cloudformation' | 'sam';
  /** Execution logs (default: on for Express, off for Standard). */
  readonly logs?: boolean | LogSettings;
  /** X-Ray tracing (default off). */
  readonly tracing?: boolean;
}

/** A template and what the policy derivation found. */
export interface TemplateResult {
  readonly template: Readonly<Record<string, CfnValue>>;
  readonly findings: readonly Finding[];
}

const TRUST_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/**
 * Writes a CloudFormation or SAM template deploying `workflow`: the state machine with its definition, each
 * `${Placeholder}` a template parameter passed through `DefinitionSubstitutions`, and an execution role with exactly
 * the statements its integrations need. Statements that name the state machine itself (Distributed Map, HTTP Task)
 * go in a separate policy, which breaks the role ↔ state machine cycle as CDK does.
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-stepfunctions-statemachine.html
 */
export function toTemplate(workflow: DeployableWorkflow, options: TemplateOptions): TemplateResult {
  const needs = analyzeDefinition(workflow.definition);
  const id = logicalId(workflow.name);
  const params = logicalIds(
    needs.placeholders.map((p) => p.name),
    new Set([id, `${id}Role`, `${id}Policy`, `${id}LogGroup`]),
  );
  const self = { machine: id };
  const logs = logSettings(options.logs, workflow.type);
  const own = needs.statements.filter((s) => !s.resources.some((r) => r.kind === 'self'));
  const selfStatements = needs.statements.filter((s) => s.resources.some((r) => r.kind === 'self'));
  const statements = [
    ...own,
    ...(logs === undefined ? [] : [LOG_DELIVERY]),
    ...(options.tracing === true ? [XRAY] : []),
  ].map((s) => renderStatement(s, params, self));
  const document = (list: CfnValue[]) => ({ Version: '2012-10-17', Statement: list });

  // fromEntries defines own properties: a placeholder named `__proto__` stays a plain key.
  const parameters = Object.fromEntries(
    needs.placeholders.map((use) => [params.get(use.name), parameterOf(use)]),
  );
  const substitutions = Object.fromEntries(
    needs.placeholders.map((use) => [use.name, { Ref: params.get(use.name) as string }]),
  );

  const resources: Record<string, CfnValue> = {};
  const logGroup = `${id}LogGroup`;
  if (logs !== undefined) {
    resources[logGroup] = {
      Type: 'AWS::Logs::LogGroup',
      Properties: {
        // Vended logs need the /aws/vendedlogs/ prefix to stay under CloudWatch's resource-policy size limit.
        LogGroupName: { 'Fn::Sub': `/aws/vendedlogs/states/${workflow.name}-\${AWS::StackName}` },
        ...(logs.retentionDays === undefined ? {} : { RetentionInDays: logs.retentionDays }),
      },
    };
  }
  const logging = logs && {
    Level: logs.level,
    IncludeExecutionData: logs.includeExecutionData,
    Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [logGroup, 'Arn'] } } }],
  };
  const substituted = Object.keys(substitutions).length > 0 ? { DefinitionSubstitutions: substitutions } : {};
  // SAM names the role it generates `<LogicalId>Role`; the CloudFormation form uses the same name.
  const roleName = `${id}Role`;
  const definition: JsonValue = JSON.parse(JSON.stringify(workflow.definition));

  if (options.format === 'sam') {
    resources[id] = {
      Type: 'AWS::Serverless::StateMachine',
      Properties: {
        Type: workflow.type,
        Definition: definition,
        ...substituted,
        Policies: [document(statements)],
        ...(logging === undefined ? {} : { Logging: logging }),
        ...(options.tracing === true ? { Tracing: { Enabled: true } } : {}),
      },
    };
  } else {
    resources[roleName] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: TRUST_POLICY,
        ...(statements.length > 0
          ? { Policies: [{ PolicyName: 'StepcraftExecution', PolicyDocument: document(statements) }] }
          : {}),
      },
    };
    resources[id] = {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: {
        StateMachineType: workflow.type,
        Definition: definition,
        ...substituted,
        RoleArn: { 'Fn::GetAtt': [roleName, 'Arn'] },
        ...(logging === undefined ? {} : { LoggingConfiguration: logging }),
        ...(options.tracing === true ? { TracingConfiguration: { Enabled: true } } : {}),
      },
    };
  }
  if (selfStatements.length > 0) {
    resources[`${id}Policy`] = {
      Type: 'AWS::IAM::Policy',
      Properties: {
        PolicyName: 'StepcraftSelf',
        Roles: [{ Ref: roleName }],
        PolicyDocument: document(selfStatements.map((s) => renderStatement(s, params, self))),
      },
    };
  }
  const template: Record<string, CfnValue> = {
    AWSTemplateFormatVersion: '2010-09-09',
    ...(options.format === 'sam' ? { Transform: 'AWS::Serverless-2016-10-31' } : {}),
    Description: `Stepcraft workflow ${workflow.name} (${workflow.type})`,
    ...(Object.keys(parameters).length > 0 ? { Parameters: parameters } : {}),
    Resources: resources,
    Outputs: {
      StateMachineArn: { Value: { Ref: id } },
      StateMachineName: { Value: { 'Fn::GetAtt': [id, 'Name'] } },
    },
  };
  return { template, findings: needs.findings };
}

function parameterOf(use: PlaceholderUse): CfnValue {
  const where = use.pointers[0] ?? '';
  const description =
    use.kind === 'value'
      ? `Value of \${${use.name}} (used at ${where})`
      : `${RESOURCE_KINDS[use.kind].title} ${RESOURCE_KINDS[use.kind].stands} for \${${use.name}} (used at ${where})`;
  return { Type: 'String', Description: description.slice(0, 4000) };
}

/** An IAM statement in template form. */
function renderStatement(
  statement: PolicyStatement,
  params: ReadonlyMap<string, string>,
  self: { readonly machine: string },
): CfnValue {
  const resources = statement.resources.map((r) => renderResource(r, params, self));
  return {
    Effect: 'Allow',
    Action: statement.actions.length === 1 ? (statement.actions[0] as string) : [...statement.actions],
    Resource: resources.length === 1 ? (resources[0] as CfnValue) : resources,
    ...(statement.condition === undefined ? {} : { Condition: statement.condition }),
  };
}

function renderResource(
  resource: PolicyResource,
  params: ReadonlyMap<string, string>,
  self: { readonly machine: string },
): CfnValue {
  switch (resource.kind) {
    case 'arn':
      return renderArn(resource.arn);
    case 'self':
      // Ref of a state machine is its ARN; `${Machine.Name}` reads its (generated) name.
      return resource.form === 'state-machine'
        ? { Ref: self.machine }
        : {
            'Fn::Sub': `arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:execution:\${${self.machine}.Name}:*`,
          };
    case 'named': {
      const spec = RESOURCE_KINDS[resource.resource];
      const { identifier } = resource;
      if (identifier.kind === 'dynamic') return renderArn(spec.wildcard);
      const value =
        identifier.kind === 'literal'
          ? { literal: identifier.value }
          : { placeholder: params.get(identifier.name) ?? identifier.name };
      const arn = spec.arn(value);
      return renderArn(
        resource.suffix === undefined
          ? arn
          : { ...arn, template: arn.template + resource.suffix.replaceAll('${', '${!') },
      );
    }
  }
}
