import type {
  CreateTrainingJobRequest,
  CreateTransformJobRequest,
  DescribeTrainingJobResult,
  DescribeTransformJobResult,
} from '@stepcraft/core';

/**
 * Stands in for SageMaker training when run locally: the finished job's description, as `.sync` waits for it. The
 * AUC depends on the data (`noisy` data trains a weak model); `broken` data ends the job `Failed`, which fails the
 * task with `States.TaskFailed` (the description as cause), as on AWS.
 */
export async function train(request: CreateTrainingJobRequest): Promise<DescribeTrainingJobResult> {
  const data = request.InputDataConfig?.[0]?.DataSource.S3DataSource.S3Uri ?? '';
  const broken = data.includes('broken');
  return {
    TrainingJobName: request.TrainingJobName,
    TrainingJobArn: `arn:aws:sagemaker:us-east-1:123456789012:training-job/${request.TrainingJobName}`,
    TrainingJobStatus: broken ? 'Failed' : 'Completed',
    SecondaryStatus: broken ? 'Failed' : 'Completed',
    ...(broken ? { FailureReason: 'ClientError: no data at the input' } : {}),
    ModelArtifacts: {
      S3ModelArtifacts: `${request.OutputDataConfig.S3OutputPath}${request.TrainingJobName}/model.tar.gz`,
    },
    FinalMetricDataList: [{ MetricName: 'validation:auc', Value: data.includes('noisy') ? 0.61 : 0.93 }],
    AlgorithmSpecification: request.AlgorithmSpecification,
    ResourceConfig: request.ResourceConfig,
    StoppingCondition: request.StoppingCondition,
    CreationTime: 1_714_521_600_000,
  };
}

/** Stands in for SageMaker batch transform: the finished job's description. */
export async function score(request: CreateTransformJobRequest): Promise<DescribeTransformJobResult> {
  return {
    TransformJobName: request.TransformJobName,
    TransformJobArn: `arn:aws:sagemaker:us-east-1:123456789012:transform-job/${request.TransformJobName}`,
    TransformJobStatus: 'Completed',
    ModelName: request.ModelName,
    TransformInput: request.TransformInput,
    TransformOutput: request.TransformOutput,
    TransformResources: request.TransformResources,
    CreationTime: 1_714_521_600_000,
  };
}
