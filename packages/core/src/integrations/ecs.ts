import {
  type CallbackIntegration,
  callbackPattern,
  createSyncIntegration,
  mergePayload,
  type SdkMetadata,
  type SyncIntegration,
} from './integration.js';

/** A `{ Name, Value }` pair (environment variables, attributes). */
export interface NameValue {
  readonly Name: string;
  readonly Value: string;
}

/** One container's overrides in RunTask's `Overrides.ContainerOverrides`. */
export interface EcsContainerOverride {
  readonly Name?: string;
  readonly Command?: readonly string[];
  readonly Environment?: readonly NameValue[];
  readonly EnvironmentFiles?: readonly { readonly Type: 's3'; readonly Value: string }[];
  readonly Cpu?: number;
  readonly Memory?: number;
  readonly MemoryReservation?: number;
  readonly ResourceRequirements?: readonly {
    readonly Type: 'GPU' | 'InferenceAccelerator';
    readonly Value: string;
  }[];
}

/**
 * The ECS RunTask request fields Step Functions' optimized integration supports (`Cluster` and `TaskDefinition` are
 * given to `ecs.runTask`). Step Functions does not support `ExecutionRoleArn` / `TaskRoleArn` overrides.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-ecs.html
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
 */
export interface EcsRunTaskRequest {
  readonly Cluster?: string;
  readonly TaskDefinition: string;
  readonly Group?: string;
  readonly LaunchType?: 'EC2' | 'FARGATE' | 'EXTERNAL';
  readonly NetworkConfiguration?: {
    readonly AwsvpcConfiguration: {
      readonly Subnets: readonly string[];
      readonly SecurityGroups?: readonly string[];
      readonly AssignPublicIp?: 'ENABLED' | 'DISABLED';
    };
  };
  readonly Overrides?: {
    readonly ContainerOverrides?: readonly EcsContainerOverride[];
    readonly Cpu?: string;
    readonly Memory?: string;
    readonly EphemeralStorage?: { readonly SizeInGiB: number };
    readonly InferenceAcceleratorOverrides?: readonly {
      readonly DeviceName?: string;
      readonly DeviceType?: string;
    }[];
  };
  readonly PlacementConstraints?: readonly {
    readonly Type: 'distinctInstance' | 'memberOf';
    readonly Expression?: string;
  }[];
  readonly PlacementStrategy?: readonly {
    readonly Type: 'random' | 'spread' | 'binpack';
    readonly Field?: string;
  }[];
  readonly PlatformVersion?: string;
  readonly PropagateTags?: 'TASK_DEFINITION' | 'SERVICE' | 'NONE';
  readonly EnableExecuteCommand?: boolean;
}

/** A container of an ECS task description. */
export interface EcsContainer {
  readonly ContainerArn: string;
  readonly TaskArn: string;
  readonly Name: string;
  readonly Image?: string;
  readonly ImageDigest?: string;
  readonly RuntimeId?: string;
  readonly LastStatus: string;
  /** Set once the container stopped; an essential container exiting non-zero fails a `.sync` task. */
  readonly ExitCode?: number;
  readonly Reason?: string;
  readonly Cpu?: string;
  readonly Memory?: string;
  readonly GpuIds?: readonly string[];
  readonly NetworkBindings?: readonly unknown[];
  readonly NetworkInterfaces?: readonly {
    readonly AttachmentId?: string;
    readonly PrivateIpv4Address?: string;
  }[];
  readonly ManagedAgents?: readonly unknown[];
}

/**
 * An ECS task description (DescribeTasks' `Tasks[]`), PascalCase as Step Functions returns it; times are epoch
 * milliseconds. `.sync` returns the stopped task.
 * @see https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Task.html
 */
export interface EcsTask {
  readonly TaskArn: string;
  readonly ClusterArn: string;
  readonly TaskDefinitionArn: string;
  readonly LastStatus: string;
  readonly DesiredStatus: string;
  readonly LaunchType?: 'EC2' | 'FARGATE' | 'EXTERNAL';
  readonly Containers: readonly EcsContainer[];
  readonly Overrides: {
    readonly ContainerOverrides: readonly EcsContainerOverride[];
    readonly InferenceAcceleratorOverrides?: readonly unknown[];
  };
  readonly Attachments?: readonly {
    readonly Id: string;
    readonly Type: string;
    readonly Status: string;
    readonly Details: readonly NameValue[];
  }[];
  readonly Attributes?: readonly NameValue[];
  readonly AvailabilityZone?: string;
  readonly Connectivity?: string;
  readonly ConnectivityAt?: number;
  readonly Cpu?: string;
  readonly Memory?: string;
  readonly CreatedAt: number;
  readonly EnableExecuteCommand?: boolean;
  readonly EphemeralStorage?: { readonly SizeInGiB: number };
  readonly Group?: string;
  readonly PlatformVersion?: string;
  readonly PlatformFamily?: string;
  readonly PullStartedAt?: number;
  readonly PullStoppedAt?: number;
  readonly StartedAt?: number;
  readonly StartedBy?: string;
  /** `TaskFailedToStart`, `EssentialContainerExited`, `UserInitiated`, … */
  readonly StopCode?: string;
  readonly StoppingAt?: number;
  readonly StoppedAt?: number;
  readonly StoppedReason?: string;
  readonly ExecutionStoppedAt?: number;
  readonly Tags?: readonly { readonly Key: string; readonly Value: string }[];
  readonly Version?: number;
}

/** RunTask's response (request-response and the TaskSubmitted output of `.sync`). */
export interface EcsRunTaskResult extends SdkMetadata {
  readonly Tasks: readonly EcsTask[];
  readonly Failures: readonly { readonly Arn?: string; readonly Reason?: string; readonly Detail?: string }[];
}

/**
 * The errors an ECS task raises: the API's exceptions as `ECS.<Exception>`; with `.sync` or `.waitForTaskToken`, a
 * response with `Failures` fails as `AmazonECS.Unknown`, and a task that fails to start or whose essential
 * container exits non-zero fails as `States.TaskFailed` (cause: the task description).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-ecs.html
 */
export const ECS_ERRORS = Object.freeze([
  'AmazonECS.Unknown',
  'ECS.AmazonECSException',
  'ECS.AccessDeniedException',
  'ECS.BlockedException',
  'ECS.ClientException',
  'ECS.ClusterNotFoundException',
  'ECS.ConflictException',
  'ECS.InvalidParameterException',
  'ECS.PlatformTaskDefinitionIncompatibilityException',
  'ECS.PlatformUnknownException',
  'ECS.ServerException',
  'ECS.UnsupportedFeatureException',
] as const);

/** An error name of the ECS integration. */
export type EcsError = (typeof ECS_ERRORS)[number];

/**
 * ECS / Fargate integrations.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-ecs.html
 */
export const ecs = Object.freeze({
  /**
   * `arn:aws:states:::ecs:runTask`: starts a task; `.sync()` waits until it stops (result: the stopped task's
   * description), `.waitForTaskToken()` until your container calls back. The payload holds the other RunTask fields.
   * @example
   * task('Render', {
   *   resource: ecs.runTask('arn:aws:ecs:us-east-1:123456789012:cluster/jobs', 'render:3').sync(),
   *   parameters: ({ input }) => ({ LaunchType: 'FARGATE', Overrides: { ContainerOverrides: [{ Name: 'render', Command: input.args }] } }),
   * })
   * // "Resource": "arn:aws:states:::ecs:runTask.sync",
   * // "Parameters": { "Cluster": "arn:…:cluster/jobs", "TaskDefinition": "render:3", "LaunchType": "FARGATE", "Overrides": { … } }
   */
  runTask(
    cluster: string,
    taskDefinition: string,
  ): SyncIntegration<'ecs-run-task'> & CallbackIntegration<'ecs-run-task'> {
    const job = createSyncIntegration(
      'ecs-run-task',
      'arn:aws:states:::ecs:runTask',
      mergePayload({ Cluster: cluster, TaskDefinition: taskDefinition }, 'ECS RunTask'),
    );
    return Object.freeze({ ...job, ...callbackPattern(job) });
  },
  /** The error names ECS tasks raise. */
  errors: ECS_ERRORS,
});
