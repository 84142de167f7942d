import type { JsonValue } from '@stepcraft/asl';

declare const taskTokenBrand: unique symbol;
/** The callback token of the current task (`$$.Task.Token`). */
export type TaskToken = string & { readonly [taskTokenBrand]: true };

/**
 * The Context Object (`$$`), as every state sees it.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html
 */
export interface ContextObject {
  readonly Execution: {
    readonly Id: string;
    readonly Input: JsonValue;
    readonly Name: string;
    readonly RoleArn: string;
    readonly StartTime: string;
    readonly RedriveCount: number;
    readonly RedriveTime?: string;
  };
  readonly State: { readonly Name: string; readonly EnteredTime: string; readonly RetryCount: number };
  readonly StateMachine: { readonly Id: string; readonly Name: string };
}

/** The Context Object inside a Task: adds `Task.Token` (for `.waitForTaskToken`). */
export interface TaskContextObject extends ContextObject {
  readonly Task: { readonly Token: TaskToken };
}

/** The Context Object while a Map's ItemSelector runs: adds the current item and its index. */
export interface MapItemContextObject<TItem> extends ContextObject {
  readonly Map: { readonly Item: { readonly Index: number; readonly Value: TItem } };
}
