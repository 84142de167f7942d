/**
 * The errors of the Lambda integrations (`lambda.invoke`, a function ARN), as Step Functions names them: the
 * Invoke API's exceptions as `Lambda.<Exception>`, and `Lambda.Unknown` for a function that fails without an
 * error type. A function's own errors are its `errorType` names: declare them with the task's `errors` (like every
 * exception Lambda adds to Invoke after this list, taken from the Invoke API reference and the SDKs' models).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#API_Invoke_Errors
 */
export const LAMBDA_ERRORS = Object.freeze([
  'Lambda.AWSLambdaException',
  'Lambda.ClientExecutionTimeoutException',
  'Lambda.CodeArtifactUserDeletedException',
  'Lambda.CodeArtifactUserFailedException',
  'Lambda.CodeArtifactUserPendingException',
  'Lambda.DurableExecutionAlreadyStartedException',
  'Lambda.EC2AccessDeniedException',
  'Lambda.EC2ThrottledException',
  'Lambda.EC2UnexpectedException',
  'Lambda.EFSIOException',
  'Lambda.EFSMountConnectivityException',
  'Lambda.EFSMountFailureException',
  'Lambda.EFSMountTimeoutException',
  'Lambda.ENILimitReachedException',
  'Lambda.ENINotReadyException',
  'Lambda.InvalidParameterValueException',
  'Lambda.InvalidRequestContentException',
  'Lambda.InvalidRuntimeException',
  'Lambda.InvalidSecurityGroupIDException',
  'Lambda.InvalidSubnetIDException',
  'Lambda.InvalidZipFileException',
  'Lambda.KMSAccessDeniedException',
  'Lambda.KMSDisabledException',
  'Lambda.KMSInvalidStateException',
  'Lambda.KMSNotFoundException',
  'Lambda.ModeNotSupportedException',
  'Lambda.NoPublishedVersionException',
  'Lambda.RecursiveInvocationException',
  'Lambda.RequestTooLargeException',
  'Lambda.ResourceConflictException',
  'Lambda.ResourceNotFoundException',
  'Lambda.ResourceNotReadyException',
  'Lambda.SdkClientException',
  'Lambda.SerializedRequestEntityTooLargeException',
  'Lambda.ServiceException',
  'Lambda.SnapStartException',
  'Lambda.SnapStartNotReadyException',
  'Lambda.SnapStartTimeoutException',
  'Lambda.SubnetIPAddressLimitReachedException',
  'Lambda.TooManyRequestsException',
  'Lambda.Unknown',
  'Lambda.UnsupportedMediaTypeException',
] as const);

/** An error name of the Lambda integrations. */
export type LambdaError = (typeof LAMBDA_ERRORS)[number];

/**
 * The errors of `sqs.sendMessage`, as `SQS.<Exception>` (the SendMessage errors under the Java SDK's exception
 * names, as Step Functions reports them, e.g. `SQS.AmazonSQSException`).
 * @see https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html#API_SendMessage_Errors
 */
export const SQS_ERRORS = Object.freeze([
  'SQS.AmazonSQSException',
  'SQS.InvalidAddressException',
  'SQS.InvalidMessageContentsException',
  'SQS.InvalidSecurityException',
  'SQS.KmsAccessDeniedException',
  'SQS.KmsDisabledException',
  'SQS.KmsInvalidKeyUsageException',
  'SQS.KmsInvalidStateException',
  'SQS.KmsNotFoundException',
  'SQS.KmsOptInRequiredException',
  'SQS.KmsThrottledException',
  'SQS.QueueDoesNotExistException',
  'SQS.RequestThrottledException',
  'SQS.SdkClientException',
  'SQS.UnsupportedOperationException',
] as const);

/** An error name of `sqs.sendMessage`. */
export type SqsError = (typeof SQS_ERRORS)[number];

/**
 * The errors of `sns.publish`, as `SNS.<Exception>` (the Publish errors under the Java SDK's exception names).
 * @see https://docs.aws.amazon.com/sns/latest/api/API_Publish.html#API_Publish_Errors
 */
export const SNS_ERRORS = Object.freeze([
  'SNS.AmazonSNSException',
  'SNS.AuthorizationErrorException',
  'SNS.EndpointDisabledException',
  'SNS.InternalErrorException',
  'SNS.InvalidParameterException',
  'SNS.InvalidParameterValueException',
  'SNS.InvalidSecurityException',
  'SNS.KMSAccessDeniedException',
  'SNS.KMSDisabledException',
  'SNS.KMSInvalidStateException',
  'SNS.KMSNotFoundException',
  'SNS.KMSOptInRequiredException',
  'SNS.KMSThrottlingException',
  'SNS.NotFoundException',
  'SNS.PlatformApplicationDisabledException',
  'SNS.SdkClientException',
  'SNS.ThrottledException',
  'SNS.ValidationException',
] as const);

/** An error name of `sns.publish`. */
export type SnsError = (typeof SNS_ERRORS)[number];
