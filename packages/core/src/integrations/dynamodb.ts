import { raise } from '../errors.js';
import { createLiteralNode, createObjectTemplateNode } from '../ir/template-node.js';
import { createIntegration, type Integration, wrapPayload } from './integration.js';
import type { ResourceTag } from './placeholder.js';

/**
 * DynamoDB integrations. Payloads are in DynamoDB's attribute-value form: `{ pk: { S: input.orderId } }`.
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
  /** `arn:aws:states:::dynamodb:putItem`; the payload is the `Item`. */
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
      (payload) => {
        if (payload?.kind !== 'object' && !(payload?.kind === 'literal' && isObject(payload.value))) {
          return raise(
            'DYNAMODB_UPDATE',
            'dynamodb.updateItem needs parameters returning { Key, UpdateExpression, … }',
          );
        }
        const entries =
          payload.kind === 'object'
            ? payload.entries
            : Object.entries(payload.value as object).map(([key, value]) => ({
                key,
                value: createLiteralNode(value),
              }));
        return createObjectTemplateNode([
          { key: 'TableName', value: createLiteralNode(tableName) },
          ...entries,
        ]);
      },
    );
  },
});

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
