import type { JsonValue, TaskHandlerContext } from '@stepcraft/asl';

/** What a running handler's context reaches in the driver: its call's controls and lazily built values. */
export interface CallControls {
  readonly stateName: string;
  readonly resource: string;
  readonly credentials: { readonly roleArn: string } | undefined;
  /** The handler's abort signal, created on first read (most handlers never read it). */
  signal(): AbortSignal;
  heartbeat(): void;
  sleep(seconds: number): Promise<void>;
  /** The attempt's task token, made on first read. */
  token(): string;
  /** The attempt's context object, built on read. */
  context(): JsonValue;
}

/** AWS's callback API, shared by every handler of one execution. */
export interface TokenControls {
  readonly sendTaskSuccess: (token: string, output: unknown) => void;
  readonly sendTaskFailure: (token: string, error?: string, cause?: string) => void;
}

/**
 * The context a handler receives: its state and resource as plain fields, the rest as getters that build what they
 * give on first read — the abort signal, the task token, the context object, the methods (bound to their call, so
 * destructuring them works) — so a handler costs only what it uses.
 */
class HandlerContext implements TaskHandlerContext {
  readonly stateName: string;
  readonly resource: string;
  declare readonly credentials?: { readonly roleArn: string };
  readonly #controls: CallControls;
  readonly #tokens: TokenControls;
  #heartbeat: (() => void) | undefined;
  #sleep: ((seconds: number) => Promise<void>) | undefined;

  constructor(controls: CallControls, tokens: TokenControls) {
    this.stateName = controls.stateName;
    this.resource = controls.resource;
    if (controls.credentials !== undefined) this.credentials = controls.credentials;
    this.#controls = controls;
    this.#tokens = tokens;
  }

  get signal(): AbortSignal {
    return this.#controls.signal();
  }

  get taskToken(): string {
    return this.#controls.token();
  }

  get context(): JsonValue {
    return this.#controls.context();
  }

  get heartbeat(): () => void {
    const controls = this.#controls;
    this.#heartbeat ??= () => controls.heartbeat();
    return this.#heartbeat;
  }

  get sleep(): (seconds: number) => Promise<void> {
    const controls = this.#controls;
    this.#sleep ??= (seconds) => controls.sleep(seconds);
    return this.#sleep;
  }

  get sendTaskSuccess(): (token: string, output: unknown) => void {
    return this.#tokens.sendTaskSuccess;
  }

  get sendTaskFailure(): (token: string, error?: string, cause?: string) => void {
    return this.#tokens.sendTaskFailure;
  }
}

/** The context of one handler call. */
export function handlerContext(controls: CallControls, tokens: TokenControls): TaskHandlerContext {
  return new HandlerContext(controls, tokens);
}
