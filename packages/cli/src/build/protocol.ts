import type { DeployFile, Finding } from '@stepcraft/cdk/cloudformation';
import type { QueryLanguageOption } from '../usage.js';

/** Main thread → worker: load one module and compile the named exports. */
export interface LoadRequest {
  readonly file: string;
  /** The exports discovery found; each is checked to be a workflow at run time. */
  readonly exports: readonly string[];
  readonly queryLanguage?: QueryLanguageOption;
  /** Also a CloudFormation or SAM template per workflow. */
  readonly format?: 'cloudformation' | 'sam';
}

/**
 * What became of one export of a loaded module: its definition as written to disk (compiled, validated, stable
 * JSON), or why it has none. The worker does all of it, so the main thread never loads core.
 */
export type ExportOutcome =
  | {
      readonly exportName: string;
      readonly kind: 'compiled';
      readonly name: string;
      readonly text: string;
      /** What is written beside the ASL (JSON Schemas, a template) and what deriving it found. */
      readonly deploy: { readonly files: readonly DeployFile[]; readonly findings: readonly Finding[] };
    }
  | {
      readonly exportName: string;
      readonly kind: 'not-compiled';
      readonly name: string;
      readonly problem: string;
    }
  | { readonly exportName: string; readonly kind: 'not-a-workflow' };

/** Worker → main thread. */
export type WorkerMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'loaded'; readonly file: string; readonly exports: readonly ExportOutcome[] }
  | { readonly type: 'failed'; readonly file: string; readonly problem: string };
