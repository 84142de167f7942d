export type { CoverageItem, CoverageKind } from './coverage/model.js';
export { coverageItems, coveredIds } from './coverage/model.js';
export type { CoverageThreshold, Ratio, WorkflowCoverage } from './coverage/report.js';
export { formatCoverage, ratios } from './coverage/report.js';
export {
  HistoryFormatError,
  MockConfigError,
  UnknownMockKeyError,
  UnmockedStatesError,
} from './errors.js';
export type { ChoiceRuleTaken } from './history/choice-rule.js';
export { describeRun } from './history/describe.js';
export type { AwsHistoryEvent, History } from './history/events.js';
export type { ErrorRecord, ExecutionView } from './history/view.js';
export { historyView, parseCause } from './history/view.js';
export type {
  Attempt,
  ExecutionEnd,
  PathSegment,
  RetryRecord,
  StateVisit,
  VisitStatus,
} from './history/visits.js';
export type { Inspection, InspectOptions } from './inspect.js';
export { inspect } from './inspect.js';
export type { MockConfig, MockedAnswer } from './mock-config.js';
export { readMockConfig, testCaseMocks } from './mock-config.js';
export { MockExhaustedError } from './mocks/handler.js';
export type {
  AnyMock,
  Mock,
  MockAnswer,
  MockCall,
  MockFactory,
  MockTarget,
  TaskInputOf,
  TaskLike,
  TaskResultOf,
} from './mocks/mock.js';
export { mock } from './mocks/mock.js';
export type { Divergence, DivergenceField } from './replay/compare.js';
export type { ReplayOptions, ReplayReport } from './replay/replay.js';
export { formatDivergence, replay } from './replay/replay.js';
export type { TestExecution, TestExecutionDetails, TestHandle, TestRunOptions } from './run.js';
export { run, start } from './run.js';
export type {
  AslDocumentLike,
  DocumentStateNames,
  InputOf,
  OutputOf,
  StateNamesOf,
  Testable,
} from './workflow.js';
