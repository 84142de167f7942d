import { type AslDocument, formatDiagnostics, validate } from '@stepcraft/asl';
import { type CompilableWorkflow, compile, type QueryLanguage } from '@stepcraft/core';
import {
  Annotations,
  Arn,
  ArnFormat,
  type Duration,
  aws_iam as iam,
  aws_logs as logs,
  RemovalPolicy,
  Stack,
  aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { analyzeDefinition, type Finding } from '../deploy/analyze.js';
import { RESOURCE_KINDS } from '../deploy/resource-kinds.js';
import { type LogSettings, logSettings } from '../deploy/settings.js';
import type { PolicyResource, PolicyStatement } from '../deploy/statement.js';
import { type WorkflowSchemas, workflowSchemas } from '../schemas/json-schema.js';
import { BINDINGS, type Bindings, checkBindings } from './bindings.js';
import { renderArnToken } from './render.js';

/** Logging of a `StepcraftStateMachine`: the settings, and optionally the log group to write to. */
export interface StepcraftLogOptions extends LogSettings {
  /** Default: a new log group under `/aws/vendedlogs/states/`, removed with the stack. */
  readonly destination?: logs.ILogGroup;
}

/** Props of `StepcraftStateMachine`. */
export interface StepcraftStateMachineProps<TWorkflow extends CompilableWorkflow = CompilableWorkflow> {
  /** The workflow (`workflow(…)…`), compiled here. */
  readonly workflow: TWorkflow;
  /**
   * Each `${Placeholder}` of the workflow, bound to the construct it names (a function, queue, table…): it becomes a
   * `DefinitionSubstitutions` entry and scopes the role's statements.
   */
  readonly bindings: NoInfer<Bindings<TWorkflow>>;
  /** Default: the workflow's own type. */
  readonly type?: 'STANDARD' | 'EXPRESS';
  /** Execution logs (default: on for Express, off for Standard). */
  readonly logs?: boolean | StepcraftLogOptions;
  /** X-Ray tracing (default off). */
  readonly tracing?: boolean;
  /** Overrides the workflow's `TimeoutSeconds`. */
  readonly timeout?: Duration;
  /** Default: the workflow's own query language. */
  readonly queryLanguage?: QueryLanguage;
  readonly stateMachineName?: string;
  /** Statements for what the derivation cannot see (integrations without a policy row). */
  readonly extraStatements?: readonly iam.PolicyStatement[];
}

/**
 * A Step Functions state machine deployed from a Stepcraft workflow: the compiled definition, its placeholders bound
 * to constructs through `DefinitionSubstitutions`, an execution role with exactly the statements its integrations
 * need, and logging for Express workflows. Its input and output JSON Schemas are on `schemas`.
 * @example
 * new StepcraftStateMachine(stack, 'Orders', {
 *   workflow: orderProcessing,
 *   bindings: { ReceiveOrderFunction: receiveFn, OrderAlertsTopic: alerts, … },
 * });
 */
export class StepcraftStateMachine<
  TWorkflow extends CompilableWorkflow = CompilableWorkflow,
> extends Construct {
  /** The underlying `AWS::StepFunctions::StateMachine`. */
  readonly stateMachine: sfn.StateMachine;
  /** The execution role. */
  readonly role: iam.Role;
  /** The log group, when logging is on. */
  readonly logGroup?: logs.ILogGroup;
  /** The ASL deployed (placeholders unfilled, as `DefinitionSubstitutions` fills them at deploy time). */
  readonly definition: AslDocument;
  /** JSON Schemas of the workflow's input and output (for API Gateway models, EventBridge schema registries). */
  readonly schemas: WorkflowSchemas;
  /** What the policy derivation reported (also added as CDK warnings). */
  readonly findings: readonly Finding[];
  /** What each placeholder is bound to. */
  readonly bindings: Readonly<Record<string, unknown>>;

  constructor(scope: Construct, id: string, props: StepcraftStateMachineProps<TWorkflow>) {
    super(scope, id);
    const compiled = compile(
      props.workflow,
      props.queryLanguage === undefined ? {} : { queryLanguage: props.queryLanguage },
    );
    this.definition =
      props.timeout === undefined
        ? compiled.definition
        : { ...compiled.definition, TimeoutSeconds: props.timeout.toSeconds() };
    this.schemas = workflowSchemas(props.workflow, {}, compiled);
    const needs = analyzeDefinition(this.definition);
    this.findings = needs.findings;
    this.bindings = props.bindings;

    const type = props.type ?? compiled.type;
    // The type may differ from the workflow's: Express rejects `.sync`, `.waitForTaskToken` and activities.
    const invalid = validate(this.definition, { stateMachineType: type }).filter(
      (d) => d.severity === 'error',
    );
    const problems = [
      ...(invalid.length > 0
        ? [
            `the definition is invalid as ${type}:\n    ${formatDiagnostics(invalid).replaceAll('\n', '\n    ')}`,
          ]
        : []),
      ...checkBindings(needs.placeholders, props.bindings).map((p) => p.message),
      ...needs.findings.filter((f) => f.severity === 'error').map((f) => `${f.message} (${f.pointer})`),
    ];
    if (problems.length > 0) {
      throw new Error(
        `StepcraftStateMachine ${this.node.path} (${compiled.name}):\n  ${problems.join('\n  ')}`,
      );
    }
    for (const finding of needs.findings) {
      Annotations.of(this).addWarningV2(
        `@stepcraft/cdk:${finding.code}`,
        `${finding.message} (${finding.pointer})`,
      );
    }

    const kindOf = new Map(needs.placeholders.map((p) => [p.name, p.kind]));
    const substitutionOf = (name: string): string => {
      const kind = kindOf.get(name) ?? 'value';
      return BINDINGS[kind].substitution(props.bindings[name] as never);
    };
    const render = (resource: PolicyResource): readonly string[] => {
      switch (resource.kind) {
        case 'arn':
          return [renderArnToken(resource.arn, substitutionOf)];
        case 'self':
          return [
            resource.form === 'state-machine'
              ? this.stateMachine.stateMachineArn
              : executionsOf(this.stateMachine),
          ];
        case 'named': {
          const spec = RESOURCE_KINDS[resource.resource];
          const { identifier } = resource;
          const suffix = resource.suffix ?? '';
          if (identifier.kind === 'dynamic') return [renderArnToken(spec.wildcard, substitutionOf)];
          if (identifier.kind === 'literal') {
            return [renderArnToken(spec.arn({ literal: identifier.value }), substitutionOf) + suffix];
          }
          const bound = props.bindings[identifier.name];
          const exact = BINDINGS[kindOf.get(identifier.name) ?? 'value'].arns?.[resource.resource];
          if (exact !== undefined) return exact(bound as never).map((arn) => arn + suffix);
          return [renderArnToken(spec.arn({ placeholder: identifier.name }), substitutionOf) + suffix];
        }
      }
    };
    const toIam = (statement: PolicyStatement) =>
      new iam.PolicyStatement({
        actions: [...statement.actions],
        resources: statement.resources.flatMap(render),
        ...(statement.condition === undefined ? {} : { conditions: statement.condition }),
      });

    this.role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('states.amazonaws.com') });
    const isSelf = (s: PolicyStatement) => s.resources.some((r) => r.kind === 'self');
    for (const statement of needs.statements.filter((s) => !isSelf(s))) {
      // A statement whose every resource needs nothing (an activity) is dropped.
      const rendered = toIam(statement);
      if (rendered.resources.length > 0) this.role.addToPrincipalPolicy(rendered);
    }
    for (const use of needs.placeholders) {
      for (const grant of BINDINGS[use.kind].grants?.(props.bindings[use.name] as never) ?? []) {
        this.role.addToPrincipalPolicy(
          new iam.PolicyStatement({ actions: [...grant.actions], resources: [...grant.resources] }),
        );
      }
    }
    for (const statement of props.extraStatements ?? []) this.role.addToPrincipalPolicy(statement);

    const logging = logSettings(props.logs, type);
    const destination =
      logging === undefined
        ? undefined
        : ((typeof props.logs === 'object' ? props.logs.destination : undefined) ??
          new logs.LogGroup(this, 'Logs', {
            // Vended logs need the /aws/vendedlogs/ prefix to stay under CloudWatch's resource-policy size limit.
            logGroupName: `/aws/vendedlogs/states/${compiled.name}-${Stack.of(this).stackName}-${id}`,
            removalPolicy: RemovalPolicy.DESTROY,
            ...(logging.retentionDays === undefined ? {} : { retention: logging.retentionDays }),
          }));
    if (destination !== undefined) this.logGroup = destination;

    const substitutions = Object.fromEntries(needs.placeholders.map((p) => [p.name, substitutionOf(p.name)]));
    this.stateMachine = new sfn.StateMachine(this, 'Resource', {
      definitionBody: sfn.DefinitionBody.fromString(JSON.stringify(this.definition)),
      ...(Object.keys(substitutions).length > 0 ? { definitionSubstitutions: substitutions } : {}),
      role: this.role,
      stateMachineType: type === 'EXPRESS' ? sfn.StateMachineType.EXPRESS : sfn.StateMachineType.STANDARD,
      ...(props.stateMachineName === undefined ? {} : { stateMachineName: props.stateMachineName }),
      ...(props.tracing === true ? { tracingEnabled: true } : {}),
      ...(destination === undefined || logging === undefined
        ? {}
        : {
            logs: {
              destination,
              level: sfn.LogLevel[logging.level],
              includeExecutionData: logging.includeExecutionData,
            },
          }),
    });

    // Statements naming the state machine itself go in their own policy: in the role's, they would make the state
    // machine depend on itself (CDK does the same for Distributed Map).
    const own = needs.statements.filter(isSelf);
    if (own.length > 0) {
      const policy = new iam.Policy(this, 'SelfPolicy', { statements: own.map(toIam) });
      this.role.attachInlinePolicy(policy);
    }
  }

  /** The state machine's ARN. */
  get stateMachineArn(): string {
    return this.stateMachine.stateMachineArn;
  }
}

function executionsOf(machine: sfn.StateMachine): string {
  const stack = Stack.of(machine);
  const name = Arn.split(machine.stateMachineArn, ArnFormat.COLON_RESOURCE_NAME).resourceName;
  return stack.formatArn({
    service: 'states',
    resource: 'execution',
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    resourceName: `${name}:*`,
  });
}
