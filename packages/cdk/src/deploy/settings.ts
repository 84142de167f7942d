import { ANY, allow, type PolicyStatement } from './statement.js';

/**
 * What the role needs to deliver execution logs to CloudWatch Logs (AWS requires `*`: log delivery is not scoped
 * to a log group).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html
 */
export const LOG_DELIVERY: PolicyStatement = allow(
  [
    'logs:CreateLogDelivery',
    'logs:GetLogDelivery',
    'logs:UpdateLogDelivery',
    'logs:DeleteLogDelivery',
    'logs:ListLogDeliveries',
    'logs:PutResourcePolicy',
    'logs:DescribeResourcePolicies',
    'logs:DescribeLogGroups',
  ],
  [ANY],
);

/**
 * What the role needs to send X-Ray traces.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-xray-tracing.html
 */
export const XRAY: PolicyStatement = allow(
  ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'],
  [ANY],
);

/** How execution logs are written (`Level` and `IncludeExecutionData` of the logging configuration). */
export interface LogSettings {
  /** Default `ALL`. */
  readonly level?: 'ALL' | 'ERROR' | 'FATAL';
  /** Whether inputs and outputs go into the logs (default true: for Express they are the only record of a run). */
  readonly includeExecutionData?: boolean;
  /** Days to keep the log group's events (default: kept forever, CloudFormation's default). */
  readonly retentionDays?: number;
}

/** Logs on or off: on by default for Express (no execution history otherwise), off for Standard. */
export function logSettings(
  logs: boolean | LogSettings | undefined,
  type: 'STANDARD' | 'EXPRESS',
): (Required<Omit<LogSettings, 'retentionDays'>> & Pick<LogSettings, 'retentionDays'>) | undefined {
  const on = logs ?? type === 'EXPRESS';
  if (on === false) return undefined;
  const given = on === true ? {} : on;
  return {
    level: given.level ?? 'ALL',
    includeExecutionData: given.includeExecutionData ?? true,
    ...(given.retentionDays === undefined ? {} : { retentionDays: given.retentionDays }),
  };
}
