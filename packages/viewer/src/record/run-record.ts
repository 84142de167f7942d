import type { ExecutionStatus, RunRecord } from '@stepcraft/runner';

/** How an execution ended. */
export type RunStatus = ExecutionStatus;

/**
 * What one state did (AWS TestState's `inspectionData`) and a run as `stepcraft run --history FILE` writes it: the
 * runner's types, the one definition of the shared run record.
 */
export type { RunRecord, StateInspection } from '@stepcraft/runner';

/**
 * What the viewer shows: a run record, or an AWS history read with its definition, which may belong to an
 * execution that has not ended yet (`RUNNING`).
 */
export type ViewedRun = Omit<RunRecord, 'status'> & { readonly status: RunStatus | 'RUNNING' };
