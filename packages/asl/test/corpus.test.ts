import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, type ValidateOptions, validate } from '../src/index.js';

const corpus = path.resolve(import.meta.dirname, '../../..', '../shared/corpus');
const realWorld = path.join(corpus, 'real-world');
const valid = path.join(corpus, 'validity/valid');
const invalid = path.join(corpus, 'validity/invalid');

type AslValidator = (
  definition: unknown,
  options?: { checkArn?: boolean; checkPaths?: boolean },
) => {
  isValid: boolean;
  errorsText: (separator?: string) => string;
};
const aslValidator = createRequire(import.meta.url)('asl-validator') as AslValidator;

function definitions(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json' && f !== 'EXPECTED-INVALID.json')
    .sort();
}

function load(dir: string, file: string): unknown {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
}

function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.pointer}`);
}

/** statelint fixtures use stand-in resources such as "foo:bar": valid ASL, not AWS ARNs. */
function optionsFor(file: string): ValidateOptions {
  return file.startsWith('statelint__') ? { checkArn: false } : {};
}

describe('real-world corpus', () => {
  const expectedInvalid = JSON.parse(
    readFileSync(path.join(realWorld, 'EXPECTED-INVALID.json'), 'utf8'),
  ) as Record<string, string>;
  const files = definitions(realWorld);

  it('holds the 205 documented files', () => {
    expect(files).toHaveLength(205);
  });

  it.each(files.filter((f) => !Object.hasOwn(expectedInvalid, f)))('accepts %s', (file) => {
    expect(summary(validate(load(realWorld, file)))).toEqual([]);
  });

  it('rejects the shared-fallback file at the string that sits among the states', () => {
    const file =
      'step-functions-workflows-collection__shared-fallback-state-jsonata__statemachine__statemachine.asl.json';
    expect(Object.keys(expectedInvalid)).toEqual([file]);
    expect(summary(validate(load(realWorld, file)))).toContain('INVALID_TYPE /States/QueryLanguage');
  });
});

/**
 * Valid fixtures we reject on purpose, with the AWS rule that decides. Each is asserted to fail with that diagnostic.
 */
const VALID_BUT_AWS_REJECTS: Readonly<Record<string, string>> = {
  // AWS variable names are identifiers (ID_Start, then ID_Continue), ≤ 80 characters: "top-level" is not one.
  'asl-validator__valid-assign.asl.json': 'INVALID_VARIABLE_NAME /States/ProvideTestData/Assign/top-level',
  // AWS observed: "The field 'RoleArn' is required but was missing at /States/S/Credentials".
  'asl-validator__valid-task-credentials.json': 'MISSING_FIELD /States/X/Credentials',
  'statelint__task-with-credentials.json': 'MISSING_FIELD /States/p/Credentials',
};

describe('validity/valid corpus', () => {
  const files = definitions(valid);

  it('holds 100 files', () => {
    expect(files).toHaveLength(100);
  });

  it.each(files.filter((f) => !Object.hasOwn(VALID_BUT_AWS_REJECTS, f)))('accepts %s', (file) => {
    expect(summary(validate(load(valid, file), optionsFor(file)))).toEqual([]);
  });

  it.each(Object.entries(VALID_BUT_AWS_REJECTS))('rejects %s by the AWS rule (%s)', (file, expected) => {
    expect(summary(validate(load(valid, file), optionsFor(file)))).toContain(expected);
  });

  it('needs checkArn: false only for the 19 statelint fixtures with stand-in resources', () => {
    const arnFailures = files.filter((file) =>
      validate(load(valid, file)).some((d) => d.code === 'INVALID_ARN'),
    );
    expect(arnFailures).toHaveLength(19);
    expect(arnFailures.every((f) => f.startsWith('statelint__'))).toBe(true);
  });

  /** asl-validator 4.0.0 rejects the decimal argument in States.Array('Foo', $.xyz, 'Bar', 2.3); AWS accepts numbers. */
  const aslValidatorDiffers = new Set([
    'statelint__states-array-intrinsic-functions.json',
    'statelint__states-array-invocation.json',
  ]);
  const crossChecked = files.filter(
    (f) => !Object.hasOwn(VALID_BUT_AWS_REJECTS, f) && !aslValidatorDiffers.has(f),
  );

  it('cross-checks all but two accepted fixtures with asl-validator', () => {
    expect(crossChecked).toHaveLength(95);
    for (const file of aslValidatorDiffers) {
      expect(aslValidator(load(valid, file), { checkArn: false, checkPaths: true }).errorsText()).toContain(
        'asl_payload_template',
      );
    }
  });

  it.each(crossChecked)('asl-validator agrees on %s', (file) => {
    const result = aslValidator(load(valid, file), {
      checkArn: !file.startsWith('statelint__'),
      checkPaths: true,
    });
    expect(result.isValid, result.errorsText()).toBe(true);
  });
});

/** The expected diagnostic ("CODE /pointer") for each invalid fixture, from the reason in its index.json. */
const INVALID: Readonly<Record<string, string>> = {
  'asl-validator__invalid-assign.asl':
    'INVALID_JSONATA /States/ProvideTestData/Assign/top-level/array/0/child-1',
  'asl-validator__invalid-cfn-definition-substitutions': 'INVALID_ARN /States/X/Resource',
  'asl-validator__invalid-choice-state-variable': 'INVALID_PATH /States/ChoiceState/Choices/0/Variable',
  'asl-validator__invalid-choice-state': 'MISSING_FIELD /States/ChoiceState/Choices/0',
  'asl-validator__invalid-dupe-fields.asl':
    'DUPLICATE_TEMPLATE_KEY /States/PassState/Parameters/dynamic/conflict.$',
  'asl-validator__invalid-duplicate-fields-nested':
    'DUPLICATE_TEMPLATE_KEY /States/Publish to Slack/Parameters/slackMessage/blocks/0/text/type.$',
  'asl-validator__invalid-duplicate-fields':
    'DUPLICATE_TEMPLATE_KEY /States/Publish to Slack/Parameters/slackMessage/channel',
  'asl-validator__invalid-error-equals-type': 'INVALID_TYPE /States/Testing/Catch/0/ErrorEquals/0',
  'asl-validator__invalid-error-equals': 'UNKNOWN_FIELD /States/Testing/Catch/0/Error Equals',
  'asl-validator__invalid-exercise-ajv-additional-properties.asl':
    'UNKNOWN_FIELD /States/PassState/bugInputPath',
  'asl-validator__invalid-exercise-ajv.asl': 'INVALID_PATH /States/PassState/InputPath',
  'asl-validator__invalid-fail-dupe-cause': 'EXCLUSIVE_FIELDS /States/Hello/CausePath',
  'asl-validator__invalid-fail-dupe-error': 'EXCLUSIVE_FIELDS /States/Hello/ErrorPath',
  'asl-validator__invalid-inexistant-state': 'MISSING_TRANSITION_TARGET /States/Start State/Next',
  'asl-validator__invalid-json-path': 'INVALID_PATH /States/Invalid4/ResultPath',
  'asl-validator__invalid-jsonata-fields': 'FIELD_NOT_IN_QUERY_LANGUAGE /States/EmptyState/Parameters',
  'asl-validator__invalid-jsonata-path-fields.asl':
    'FIELD_NOT_IN_QUERY_LANGUAGE /States/Verification/Branches/0/States/Check Identity/OutputPath',
  'asl-validator__invalid-jsonata-surround-syntax-no-close': 'INVALID_JSONATA /States/X/Output',
  'asl-validator__invalid-jsonata-surround-syntax-no-open': 'INVALID_JSONATA /States/X/Output',
  'asl-validator__invalid-jsonata-syntax-arithmetic': 'INVALID_JSONATA /States/X/Output',
  'asl-validator__invalid-jsonata-syntax-jsonpath-in-jsonata-surround': 'INVALID_JSONATA /States/X/Output',
  'asl-validator__invalid-jsonata-syntax-mismatched-parens': 'INVALID_JSONATA /States/X/Output',
  'asl-validator__invalid-map-distributed.asl':
    'EXCLUSIVE_FIELDS /States/Map/ItemReader/ReaderConfig/MaxItemsPath',
  'asl-validator__invalid-map-dupe-state': 'DUPLICATE_STATE_NAME /States/Final State',
  'asl-validator__invalid-map-item-batcher-dupe-subfields':
    'EXCLUSIVE_FIELDS /States/Map/ItemBatcher/MaxItemsPerBatchPath',
  'asl-validator__invalid-map-items.asl': 'EXCLUSIVE_FIELDS /States/ProcessAnimals/ItemsPath',
  'asl-validator__invalid-map-missing-iterator': 'MISSING_FIELD /States/Map',
  'asl-validator__invalid-map-ob-link':
    'TRANSITION_OUT_OF_SCOPE /States/Map/Iterator/States/ChoiceState/Choices/1/Next',
  'asl-validator__invalid-map-tolerated-value': 'INVALID_VALUE /States/Map/ToleratedFailurePercentage',
  'asl-validator__invalid-map-tolerated': 'EXCLUSIVE_FIELDS /States/Map/ToleratedFailureCountPath',
  'asl-validator__invalid-math-add': 'INVALID_INTRINSIC /States/validate input/Parameters/foo.$',
  'asl-validator__invalid-missing-terminal-map': 'MISSING_TERMINAL_STATE /States/Map/Iterator/States',
  'asl-validator__invalid-missing-terminal-parallel':
    'MISSING_TERMINAL_STATE /States/Parallel/Branches/0/States',
  'asl-validator__invalid-missing-terminal': 'MISSING_TERMINAL_STATE /States',
  'asl-validator__invalid-next-with-end': 'NEXT_AND_END /States/Send SNS Message/End',
  'asl-validator__invalid-parallel-branch-type': 'INVALID_TYPE /States/A/Branches/0',
  'asl-validator__invalid-parallel-missing-branches': 'MISSING_FIELD /States/Parallel',
  'asl-validator__invalid-parallel-ob-link':
    'TRANSITION_OUT_OF_SCOPE /States/Parallel/Branches/1/States/ChoiceState/Choices/1/Next',
  'asl-validator__invalid-payload-template.asl': 'INVALID_INTRINSIC /States/Hello, World/Parameters/lorem.$',
  'asl-validator__invalid-state-name-too-long':
    'STATE_NAME_TOO_LONG /States/This is an exceptionally long state name that I know will fail when I try to deploy to AWS',
  'asl-validator__invalid-task-alias-function': 'INVALID_ARN /States/InvalidAlias/Resource',
  'asl-validator__invalid-task-credentials-null': 'INVALID_TYPE /States/X/Credentials',
  'asl-validator__invalid-task-credentials-object': 'INVALID_INTRINSIC /States/X/Credentials/expectPath.$',
  'asl-validator__invalid-task-heartbeat': 'EXCLUSIVE_FIELDS /States/X/HeartbeatSecondsPath',
  'asl-validator__invalid-task-timout': 'EXCLUSIVE_FIELDS /States/X/TimeoutSecondsPath',
  'asl-validator__invalid-unreachable-state': 'UNREACHABLE_STATE /States/Finished Choice',
  'asl-validator__invalid-variable-result-path': 'INVALID_PATH /States/Fin/ResultPath',
  'asl-validator__invalid-wait-duration': 'EXCLUSIVE_FIELDS /States/wait_using_timestamp/TimestampPath',
  'statelint__backoff-with-backoffrate-between-0-and-1': 'INVALID_VALUE /States/p/Retry/0/BackoffRate',
  'statelint__backoff-with-backoffrate-negative': 'INVALID_VALUE /States/p/Retry/0/BackoffRate',
  'statelint__backoff-with-invalid-jitter-on-retry': 'INVALID_VALUE /States/p/Retry/0/JitterStrategy',
  'statelint__choice-with-parameters': 'UNKNOWN_FIELD /States/p/Parameters',
  'statelint__choice-with-resultpath': 'UNKNOWN_FIELD /States/p/ResultPath',
  'statelint__choice-with-resultselector': 'UNKNOWN_FIELD /States/p/ResultSelector',
  'statelint__empty-error-equals-on-catch': 'INVALID_VALUE /States/p/Catch/0/ErrorEquals',
  'statelint__empty-error-equals-on-retry': 'INVALID_VALUE /States/p/Retry/0/ErrorEquals',
  'statelint__fail-with-parameters': 'UNKNOWN_FIELD /States/p/Parameters',
  'statelint__fail-with-resultpath': 'UNKNOWN_FIELD /States/p/ResultPath',
  'statelint__fail-with-resultselector': 'UNKNOWN_FIELD /States/p/ResultSelector',
  'statelint__fail-with-static-and-dynamic-cause': 'EXCLUSIVE_FIELDS /States/FailState/CausePath',
  'statelint__fail-with-static-and-dynamic-error': 'EXCLUSIVE_FIELDS /States/FailState/ErrorPath',
  'statelint__has-dupes': 'DUPLICATE_STATE_NAME /States/Sub2_1',
  'statelint__invalid-backoff-with-jitter-on-retry': 'INVALID_VALUE /States/p/Retry/0/MaxDelaySeconds',
  'statelint__invalid-function-invocation': 'INVALID_INTRINSIC /States/p/ResultSelector/abc.$',
  'statelint__linked-parallel': 'TRANSITION_OUT_OF_SCOPE /States/A/Branches/0/States/Sub1_1/Next',
  'statelint__map-with-itemprocessor-and-iterator': 'EXCLUSIVE_FIELDS /States/m/Iterator',
  'statelint__map-with-null-itemspath': 'INVALID_TYPE /States/m/ItemsPath',
  'statelint__map-with-parameters-and-itemselector': 'EXCLUSIVE_FIELDS /States/m/Parameters',
  'statelint__no-terminal': 'MISSING_TERMINAL_STATE /States',
  'statelint__parameter-path-problems': 'INVALID_PATH /States/FNORD/Parameters/bad5.$',
  'statelint__pass-with-intrinsic-function-inputpath': 'INVALID_PATH /States/p/InputPath',
  'statelint__pass-with-resultselector': 'UNKNOWN_FIELD /States/p/ResultSelector',
  'statelint__states-array-invocation-leftpad': 'INVALID_INTRINSIC /States/p/ResultSelector/abc.$',
  'statelint__succeed-with-parameters': 'UNKNOWN_FIELD /States/p/Parameters',
  'statelint__succeed-with-resultpath': 'UNKNOWN_FIELD /States/p/ResultPath',
  'statelint__succeed-with-resultselector': 'UNKNOWN_FIELD /States/p/ResultSelector',
  'statelint__task-with-invalid-credentials': 'INVALID_TYPE /States/p/Credentials',
  'statelint__task-with-static-and-dynamic-heartbeat': 'EXCLUSIVE_FIELDS /States/p/HeartbeatSecondsPath',
  'statelint__task-with-static-and-dynamic-timeout': 'EXCLUSIVE_FIELDS /States/p/TimeoutSecondsPath',
  'statelint__wait-with-parameters': 'UNKNOWN_FIELD /States/p/Parameters',
  'statelint__wait-with-resultpath': 'UNKNOWN_FIELD /States/p/ResultPath',
  'statelint__wait-with-resultselector': 'UNKNOWN_FIELD /States/p/ResultSelector',
};

/**
 * Invalid fixtures we accept, with the AWS rule that decides. asl-validator requires `{% ` and ` %}` with single
 * spaces; AWS treats a string as JSONata exactly when it starts with `{%` (no leading spaces) and ends with `%}` (no
 * trailing spaces), whatever the spacing inside (AWS's Step Functions skill in aws/agent-toolkit-for-aws,
 * references/transforming-data.md: "The string must start with `{%` … and end with `%}`").
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
const INVALID_BUT_AWS_ACCEPTS = [
  'asl-validator__invalid-json-surround-syntax-extra-spaces', // "{% \n10         %}" parses to 10
  'asl-validator__invalid-jsonata-surround-syntax-no-spaces', // "{%10%}" parses to 10
];

/** Invalid only under one check, per index.json: accepted with that check off. */
const OPTION_ONLY: Readonly<Record<string, ValidateOptions>> = {
  'asl-validator__invalid-json-path': { checkPaths: false },
  'asl-validator__invalid-payload-template.asl': { checkPaths: false },
  'asl-validator__invalid-cfn-definition-substitutions': { checkArn: false },
};

describe('validity/invalid corpus', () => {
  const files = definitions(invalid);
  const index = JSON.parse(readFileSync(path.join(invalid, 'index.json'), 'utf8')) as Record<string, unknown>;

  it('has an expectation for every fixture in index.json', () => {
    expect(files).toHaveLength(84);
    expect(Object.keys(index).sort()).toEqual(files);
    const named = [...Object.keys(INVALID), ...INVALID_BUT_AWS_ACCEPTS].map((name) => `${name}.json`).sort();
    expect(named).toEqual(files);
  });

  it.each(Object.entries(INVALID))('rejects %s with %s', (name, expected) => {
    const file = `${name}.json`;
    expect(summary(validate(load(invalid, file), optionsFor(file)))).toContain(expected);
  });

  it.each(INVALID_BUT_AWS_ACCEPTS)('accepts %s, as AWS does', (name) => {
    expect(summary(validate(load(invalid, `${name}.json`)))).toEqual([]);
  });

  it.each(Object.entries(OPTION_ONLY))('accepts %s when its check is off', (name, options) => {
    expect(summary(validate(load(invalid, `${name}.json`), options))).toEqual([]);
  });
});

describe('runtime corpus definitions (each ran on AWS, so AWS accepted it)', () => {
  const runtime = path.join(corpus, 'runtime');
  const cases = definitions(runtime).map(
    (file) => [file, (load(runtime, file) as { definition: unknown }).definition] as const,
  );

  it('holds 341 cases', () => {
    expect(cases).toHaveLength(341);
  });

  it.each(cases)('accepts the definition of %s', (_file, definition) => {
    expect(summary(validate(definition))).toEqual([]);
  });
});
