import { States } from '../builder/intrinsics.js';
import type { Expr } from '../builder/refs.js';
import {
  type AttributeValue,
  createIntegration,
  type Integration,
  mergePayload,
  wrapPayload,
} from './integration.js';
import type { ResourceTag } from './placeholder.js';

/** An item (or key) in DynamoDB's attribute-value form: `{ pk: { S: "o-1" }, total: { N: "42" } }`. */
export type Item = Readonly<Record<string, AttributeValue>>;

/** The condition fields shared by the write requests. */
interface ConditionFields {
  readonly ConditionExpression?: string;
  readonly ExpressionAttributeNames?: Readonly<Record<string, string>>;
  readonly ExpressionAttributeValues?: Item;
  readonly ReturnConsumedCapacity?: 'INDEXES' | 'TOTAL' | 'NONE';
  readonly ReturnItemCollectionMetrics?: 'SIZE' | 'NONE';
  readonly ReturnValuesOnConditionCheckFailure?: 'ALL_OLD' | 'NONE';
  /** Legacy parameters (use ConditionExpression instead). */
  readonly ConditionalOperator?: 'AND' | 'OR';
  readonly Expected?: Readonly<Record<string, unknown>>;
}

/**
 * The UpdateItem request.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html
 */
export interface DynamoDbUpdateItemRequest extends ConditionFields {
  readonly TableName: string;
  readonly Key: Item;
  readonly UpdateExpression?: string;
  readonly ReturnValues?: 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';
  /** Legacy parameter (use UpdateExpression instead). */
  readonly AttributeUpdates?: Readonly<Record<string, unknown>>;
}

/**
 * The DeleteItem request.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html
 */
export interface DynamoDbDeleteItemRequest extends ConditionFields {
  readonly TableName: string;
  readonly Key: Item;
  readonly ReturnValues?: 'NONE' | 'ALL_OLD';
}

/**
 * The Query request.
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html
 */
export interface DynamoDbQueryRequest {
  readonly TableName: string;
  readonly KeyConditionExpression: string;
  readonly ExpressionAttributeValues?: Item;
  readonly ExpressionAttributeNames?: Readonly<Record<string, string>>;
  readonly IndexName?: string;
  readonly FilterExpression?: string;
  readonly ProjectionExpression?: string;
  readonly Limit?: number;
  readonly ScanIndexForward?: boolean;
  readonly ExclusiveStartKey?: Item;
  readonly ConsistentRead?: boolean;
  readonly Select?: 'ALL_ATTRIBUTES' | 'ALL_PROJECTED_ATTRIBUTES' | 'SPECIFIC_ATTRIBUTES' | 'COUNT';
  readonly ReturnConsumedCapacity?: 'INDEXES' | 'TOTAL' | 'NONE';
}

/** Query's response (through the AWS SDK integration: no SDK metadata). */
export interface DynamoDbQueryResult {
  readonly Items: readonly Item[];
  readonly Count: number;
  readonly ScannedCount: number;
  readonly LastEvaluatedKey?: Item;
  readonly ConsumedCapacity?: unknown;
}

/**
 * The errors of the optimized DynamoDB integration (`getItem`, `putItem`, `updateItem`, `deleteItem`), as
 * `DynamoDB.<Exception>`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html
 */
export const DYNAMODB_ERRORS = Object.freeze([
  'DynamoDB.AmazonDynamoDBException',
  'DynamoDB.ConditionalCheckFailedException',
  'DynamoDB.InternalServerErrorException',
  'DynamoDB.ItemCollectionSizeLimitExceededException',
  'DynamoDB.ProvisionedThroughputExceededException',
  'DynamoDB.RequestLimitExceeded',
  'DynamoDB.ResourceNotFoundException',
  'DynamoDB.TransactionConflictException',
] as const);

/** An error name of the optimized DynamoDB integration. */
export type DynamoDbError = (typeof DYNAMODB_ERRORS)[number];

/**
 * The errors of `dynamodb.query` (an AWS SDK integration: the service is named `DynamoDb`, exceptions as the AWS
 * SDK for Java 2 names them).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html
 */
export const DYNAMODB_SDK_ERRORS = Object.freeze([
  'DynamoDb.DynamoDbException',
  'DynamoDb.InternalServerErrorException',
  'DynamoDb.ProvisionedThroughputExceededException',
  'DynamoDb.RequestLimitExceededException',
  'DynamoDb.ResourceNotFoundException',
] as const);

/** An error name of `dynamodb.query`. */
export type DynamoDbSdkError = (typeof DYNAMODB_SDK_ERRORS)[number];

/**
 * DynamoDB integrations. Keys, items and values are in DynamoDB's attribute-value form, checked by type:
 * `{ pk: { S: input.orderId }, total: dynamodb.N(input.total) }` (numbers travel as strings: `{ N: 5 }` is a compile
 * error).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html
 */
export const dynamodb = Object.freeze({
  /** `arn:aws:states:::dynamodb:getItem`; the payload is the `Key`. */
  getItem<const TTable extends string>(
    tableName: TTable,
  ): Integration<'dynamodb-get-item', 'request-response', ResourceTag<'dynamodb-table', TTable>> {
    return createIntegration(
      'dynamodb-get-item',
      'request-response',
      'arn:aws:states:::dynamodb:getItem',
      wrapPayload({ TableName: tableName }, 'Key'),
    );
  },
  /**
   * `arn:aws:states:::dynamodb:putItem`; the payload is the `Item`.
   * @example task('Save', { resource: dynamodb.putItem('Orders'), parameters: ({ input }) => ({ pk: { S: input.id }, total: dynamodb.N(input.total) }) })
   * // "Parameters": { "TableName": "Orders", "Item": { "pk": { "S.$": "$.id" }, "total": { "N.$": "States.Format('{}', $.total)" } } }
   */
  putItem<const TTable extends string>(
    tableName: TTable,
  ): Integration<'dynamodb-put-item', 'request-response', ResourceTag<'dynamodb-table', TTable>> {
    return createIntegration(
      'dynamodb-put-item',
      'request-response',
      'arn:aws:states:::dynamodb:putItem',
      wrapPayload({ TableName: tableName }, 'Item'),
    );
  },
  /** `arn:aws:states:::dynamodb:updateItem`; the payload is the rest of the request (`Key`, `UpdateExpression`, …). */
  updateItem<const TTable extends string>(
    tableName: TTable,
  ): Integration<'dynamodb-update-item', 'request-response', ResourceTag<'dynamodb-table', TTable>> {
    return createIntegration(
      'dynamodb-update-item',
      'request-response',
      'arn:aws:states:::dynamodb:updateItem',
      mergePayload({ TableName: tableName }, 'DynamoDB UpdateItem', ['Key']),
    );
  },
  /** `arn:aws:states:::dynamodb:deleteItem`; the payload is the rest of the request (`Key`, `ConditionExpression`, …). */
  deleteItem<const TTable extends string>(
    tableName: TTable,
  ): Integration<'dynamodb-delete-item', 'request-response', ResourceTag<'dynamodb-table', TTable>> {
    return createIntegration(
      'dynamodb-delete-item',
      'request-response',
      'arn:aws:states:::dynamodb:deleteItem',
      mergePayload({ TableName: tableName }, 'DynamoDB DeleteItem', ['Key']),
    );
  },
  /**
   * `arn:aws:states:::aws-sdk:dynamodb:query` (Query has no optimized integration); the payload is the rest of the
   * request (`KeyConditionExpression`, `ExpressionAttributeValues`, `IndexName`, …).
   * @example task('Lines', { resource: dynamodb.query('OrderLines'), parameters: ({ input }) => ({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: input.orderId } } }) })
   */
  query<const TTable extends string>(
    tableName: TTable,
  ): Integration<'dynamodb-query', 'request-response', ResourceTag<'dynamodb-table', TTable>> {
    return createIntegration(
      'dynamodb-query',
      'request-response',
      'arn:aws:states:::aws-sdk:dynamodb:query',
      mergePayload({ TableName: tableName }, 'DynamoDB Query', ['KeyConditionExpression']),
    );
  },
  /**
   * A number attribute from a number (or numeric string): `{ N: "<value>" }`, converted by `States.Format` (JSONata:
   * `$string`) when the value is only known at run time.
   */
  N(value: Expr<number | string> | number): { readonly N: Expr<string> | string } {
    return { N: typeof value === 'number' ? String(value) : States.format('{}', value) };
  },
  /** The error names of getItem, putItem, updateItem and deleteItem. */
  errors: DYNAMODB_ERRORS,
  /** The error names of query. */
  sdkErrors: DYNAMODB_SDK_ERRORS,
});
