import {
  createIntegration,
  createSyncIntegration,
  type Integration,
  mergePayload,
  type SyncIntegration,
} from './integration.js';

/** A SageMaker tag. */
export interface SageMakerTag {
  readonly Key: string;
  readonly Value: string;
}

/** Where a SageMaker job reads from S3. */
export interface S3DataSource {
  readonly S3DataType: 'ManifestFile' | 'S3Prefix' | 'AugmentedManifestFile';
  readonly S3Uri: string;
  readonly S3DataDistributionType?: 'FullyReplicated' | 'ShardedByS3Key';
  readonly AttributeNames?: readonly string[];
}

/** A training input channel. */
export interface TrainingChannel {
  readonly ChannelName: string;
  readonly DataSource: { readonly S3DataSource: S3DataSource };
  readonly ContentType?: string;
  readonly CompressionType?: 'None' | 'Gzip';
  readonly RecordWrapperType?: 'None' | 'RecordIO';
  readonly InputMode?: 'Pipe' | 'File' | 'FastFile';
}

/**
 * The CreateTrainingJob request.
 * @see https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTrainingJob.html
 */
export interface CreateTrainingJobRequest {
  readonly TrainingJobName: string;
  readonly AlgorithmSpecification: {
    readonly TrainingInputMode: 'Pipe' | 'File' | 'FastFile';
    readonly TrainingImage?: string;
    readonly AlgorithmName?: string;
    readonly MetricDefinitions?: readonly { readonly Name: string; readonly Regex: string }[];
    readonly EnableSageMakerMetricsTimeSeries?: boolean;
  };
  readonly RoleArn: string;
  readonly OutputDataConfig: { readonly S3OutputPath: string; readonly KmsKeyId?: string };
  readonly ResourceConfig: {
    readonly InstanceType?: string;
    readonly InstanceCount?: number;
    readonly VolumeSizeInGB: number;
    readonly VolumeKmsKeyId?: string;
  };
  readonly StoppingCondition: {
    readonly MaxRuntimeInSeconds?: number;
    readonly MaxWaitTimeInSeconds?: number;
  };
  /** Hyperparameters as strings: `{ "epochs": "5" }`. */
  readonly HyperParameters?: Readonly<Record<string, string>>;
  readonly InputDataConfig?: readonly TrainingChannel[];
  readonly VpcConfig?: { readonly SecurityGroupIds: readonly string[]; readonly Subnets: readonly string[] };
  readonly Environment?: Readonly<Record<string, string>>;
  readonly CheckpointConfig?: { readonly S3Uri: string; readonly LocalPath?: string };
  readonly EnableManagedSpotTraining?: boolean;
  readonly EnableNetworkIsolation?: boolean;
  readonly EnableInterContainerTrafficEncryption?: boolean;
  readonly Tags?: readonly SageMakerTag[];
}

/** A training job's status. `Failed` and `Stopped` fail a `.sync` task. */
export type TrainingJobStatus = 'InProgress' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';

/**
 * DescribeTrainingJob's response, as `createTrainingJob.sync` returns it; times are epoch milliseconds.
 * @see https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeTrainingJob.html
 */
export interface DescribeTrainingJobResult {
  readonly TrainingJobName: string;
  readonly TrainingJobArn: string;
  readonly TrainingJobStatus: TrainingJobStatus;
  readonly SecondaryStatus: string;
  readonly FailureReason?: string;
  readonly ModelArtifacts: { readonly S3ModelArtifacts: string };
  /** The final values of the metrics the algorithm reports (e.g. `validation:auc`). */
  readonly FinalMetricDataList?: readonly {
    readonly MetricName: string;
    readonly Value: number;
    readonly Timestamp?: number;
  }[];
  readonly HyperParameters?: Readonly<Record<string, string>>;
  readonly AlgorithmSpecification: CreateTrainingJobRequest['AlgorithmSpecification'];
  readonly RoleArn?: string;
  readonly InputDataConfig?: readonly TrainingChannel[];
  readonly OutputDataConfig?: CreateTrainingJobRequest['OutputDataConfig'];
  readonly ResourceConfig: CreateTrainingJobRequest['ResourceConfig'];
  readonly StoppingCondition: CreateTrainingJobRequest['StoppingCondition'];
  readonly CreationTime: number;
  readonly TrainingStartTime?: number;
  readonly TrainingEndTime?: number;
  readonly LastModifiedTime?: number;
  readonly TrainingTimeInSeconds?: number;
  readonly BillableTimeInSeconds?: number;
  readonly SecondaryStatusTransitions?: readonly {
    readonly Status: string;
    readonly StartTime: number;
    readonly EndTime?: number;
    readonly StatusMessage?: string;
  }[];
  readonly Tags?: readonly SageMakerTag[];
}

/**
 * The CreateModel request: a model from a container image and the artifacts a training job wrote.
 * @see https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModel.html
 */
export interface CreateModelRequest {
  readonly ModelName: string;
  readonly ExecutionRoleArn: string;
  readonly PrimaryContainer?: {
    readonly Image?: string;
    readonly ModelDataUrl?: string;
    readonly Environment?: Readonly<Record<string, string>>;
    readonly ContainerHostname?: string;
    readonly Mode?: 'SingleModel' | 'MultiModel';
  };
  readonly EnableNetworkIsolation?: boolean;
  readonly VpcConfig?: { readonly SecurityGroupIds: readonly string[]; readonly Subnets: readonly string[] };
  readonly Tags?: readonly SageMakerTag[];
}

/** Batch transform's input and output locations and resources. */
interface TransformSettings {
  readonly TransformInput: {
    readonly DataSource: { readonly S3DataSource: Pick<S3DataSource, 'S3DataType' | 'S3Uri'> };
    readonly ContentType?: string;
    readonly CompressionType?: 'None' | 'Gzip';
    readonly SplitType?: 'None' | 'Line' | 'RecordIO' | 'TFRecord';
  };
  readonly TransformOutput: {
    readonly S3OutputPath: string;
    readonly Accept?: string;
    readonly AssembleWith?: 'None' | 'Line';
    readonly KmsKeyId?: string;
  };
  readonly TransformResources: {
    readonly InstanceType: string;
    readonly InstanceCount: number;
    readonly VolumeKmsKeyId?: string;
  };
}

/**
 * The CreateTransformJob request.
 * @see https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTransformJob.html
 */
export interface CreateTransformJobRequest extends TransformSettings {
  readonly TransformJobName: string;
  readonly ModelName: string;
  readonly BatchStrategy?: 'MultiRecord' | 'SingleRecord';
  readonly Environment?: Readonly<Record<string, string>>;
  readonly MaxConcurrentTransforms?: number;
  readonly MaxPayloadInMB?: number;
  readonly DataProcessing?: {
    readonly InputFilter?: string;
    readonly OutputFilter?: string;
    readonly JoinSource?: 'Input' | 'None';
  };
  readonly Tags?: readonly SageMakerTag[];
}

/** A transform job's status. `Failed` and `Stopped` fail a `.sync` task. */
export type TransformJobStatus = 'InProgress' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';

/**
 * DescribeTransformJob's response, as `createTransformJob.sync` returns it; times are epoch milliseconds.
 * @see https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeTransformJob.html
 */
export interface DescribeTransformJobResult extends TransformSettings {
  readonly TransformJobName: string;
  readonly TransformJobArn: string;
  readonly TransformJobStatus: TransformJobStatus;
  readonly FailureReason?: string;
  readonly ModelName: string;
  readonly BatchStrategy?: 'MultiRecord' | 'SingleRecord';
  readonly CreationTime: number;
  readonly TransformStartTime?: number;
  readonly TransformEndTime?: number;
}

/**
 * The SageMaker Runtime InvokeEndpoint request (`EndpointName` is given to `sagemaker.invokeEndpoint`). `Body` is
 * the text the model receives (serialise JSON with `States.jsonToString`).
 * @see https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpoint.html
 */
export interface InvokeEndpointRequest {
  readonly EndpointName: string;
  readonly Body: string;
  readonly ContentType?: string;
  readonly Accept?: string;
  readonly CustomAttributes?: string;
  readonly TargetModel?: string;
  readonly TargetVariant?: string;
  readonly TargetContainerHostname?: string;
  readonly InferenceId?: string;
  readonly EnableExplanations?: string;
  readonly InferenceComponentName?: string;
}

/** InvokeEndpoint's response: `Body` is the model's answer as text. */
export interface InvokeEndpointResult {
  readonly Body: string;
  readonly ContentType?: string;
  readonly InvokedProductionVariant?: string;
  readonly CustomAttributes?: string;
}

/**
 * The errors SageMaker job tasks raise, as `SageMaker.<Exception>`; a `.sync` job that ends `Failed` or `Stopped`
 * fails as `States.TaskFailed` (cause: the job description).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html
 */
export const SAGEMAKER_ERRORS = Object.freeze([
  'SageMaker.AmazonSageMakerException',
  'SageMaker.ResourceInUseException',
  'SageMaker.ResourceLimitExceededException',
  'SageMaker.ResourceNotFoundException',
] as const);

/** An error name of the SageMaker job integrations. */
export type SageMakerError = (typeof SAGEMAKER_ERRORS)[number];

/**
 * The errors `aws-sdk:sagemakerruntime:invokeEndpoint` raises (AWS SDK integration naming).
 * @see https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpoint.html#API_runtime_InvokeEndpoint_Errors
 */
export const SAGEMAKER_RUNTIME_ERRORS = Object.freeze([
  'SageMakerRuntime.InternalDependencyException',
  'SageMakerRuntime.InternalFailureException',
  'SageMakerRuntime.ModelErrorException',
  'SageMakerRuntime.ModelNotReadyException',
  'SageMakerRuntime.ServiceUnavailableException',
  'SageMakerRuntime.ValidationErrorException',
  'SageMakerRuntime.SageMakerRuntimeException',
] as const);

/** An error name of `sagemaker.invokeEndpoint`. */
export type SageMakerRuntimeError = (typeof SAGEMAKER_RUNTIME_ERRORS)[number];

/**
 * Amazon SageMaker integrations: training and batch-transform jobs (optimized, with `.sync`) and real-time
 * inference through the AWS SDK integration.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-sagemaker.html
 */
export const sagemaker = Object.freeze({
  /**
   * `arn:aws:states:::sagemaker:createTrainingJob`; `.sync()` waits for the job (result: DescribeTrainingJob's
   * response). The payload is the whole CreateTrainingJob request.
   * @example task('Train', { resource: sagemaker.createTrainingJob().sync(), parameters: ({ context }) => ({ TrainingJobName: context.Execution.Name, … }) })
   * // "Resource": "arn:aws:states:::sagemaker:createTrainingJob.sync"
   */
  createTrainingJob(): SyncIntegration<'sagemaker-create-training-job'> {
    return createSyncIntegration(
      'sagemaker-create-training-job',
      'arn:aws:states:::sagemaker:createTrainingJob',
      mergePayload({}, 'SageMaker CreateTrainingJob', [
        'TrainingJobName',
        'AlgorithmSpecification',
        'RoleArn',
        'OutputDataConfig',
        'ResourceConfig',
        'StoppingCondition',
      ]),
    );
  },
  /**
   * `arn:aws:states:::sagemaker:createModel` (request-response): registers a model, e.g. from a training job's
   * `ModelArtifacts.S3ModelArtifacts`, for a transform job or an endpoint. The payload is the whole request.
   */
  createModel(): Integration<'sagemaker-create-model', 'request-response'> {
    return createIntegration(
      'sagemaker-create-model',
      'request-response',
      'arn:aws:states:::sagemaker:createModel',
      mergePayload({}, 'SageMaker CreateModel', ['ModelName', 'ExecutionRoleArn']),
    );
  },
  /**
   * `arn:aws:states:::sagemaker:createTransformJob`; `.sync()` waits for the job (result: DescribeTransformJob's
   * response). The payload is the whole CreateTransformJob request.
   */
  createTransformJob(): SyncIntegration<'sagemaker-create-transform-job'> {
    return createSyncIntegration(
      'sagemaker-create-transform-job',
      'arn:aws:states:::sagemaker:createTransformJob',
      mergePayload({}, 'SageMaker CreateTransformJob', [
        'TransformJobName',
        'ModelName',
        'TransformInput',
        'TransformOutput',
        'TransformResources',
      ]),
    );
  },
  /**
   * `arn:aws:states:::aws-sdk:sagemakerruntime:invokeEndpoint`: real-time inference on a deployed endpoint.
   * @example task('Predict', { resource: sagemaker.invokeEndpoint('churn'), parameters: ({ input }) => ({ Body: States.jsonToString(input.features), ContentType: 'application/json' }) })
   * // "Parameters": { "EndpointName": "churn", "Body.$": "States.JsonToString($.features)", "ContentType": "application/json" }
   */
  invokeEndpoint(endpointName: string): Integration<'sagemaker-invoke-endpoint', 'request-response'> {
    return createIntegration(
      'sagemaker-invoke-endpoint',
      'request-response',
      'arn:aws:states:::aws-sdk:sagemakerruntime:invokeEndpoint',
      mergePayload({ EndpointName: endpointName }, 'SageMaker Runtime InvokeEndpoint', ['Body']),
    );
  },
  /** The error names the SageMaker job tasks raise. */
  errors: SAGEMAKER_ERRORS,
  /** The error names `invokeEndpoint` raises. */
  runtimeErrors: SAGEMAKER_RUNTIME_ERRORS,
});
