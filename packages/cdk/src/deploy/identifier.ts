import { isJsonataString, type JsonValue } from '@stepcraft/asl';

/**
 * What names a resource in a Task's request: a literal (`"receive-order"`), a deploy-time placeholder
 * (`"${ReceiveOrder}"`, filled by `DefinitionSubstitutions`) or a value computed at run time (`"FunctionName.$"`,
 * `{% … %}`), which no policy can narrow to one resource.
 */
export type Identifier =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'placeholder'; readonly name: string }
  | { readonly kind: 'dynamic'; readonly expression: string };

/** A field found in a request, with its JSON pointer inside the state (`/Parameters/FunctionName`). */
export interface FoundField {
  readonly identifier: Identifier;
  readonly pointer: string;
}

// `${Name}` as CloudFormation's DefinitionSubstitutions and Fn::Sub read it; no nested braces, so linear.
const PLACEHOLDER = /\$\{([^{}]+)\}/g;
const WHOLE_PLACEHOLDER = /^\$\{([^{}]+)\}$/;

/** The placeholder names in a string, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return text.includes('${') ? [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string) : [];
}

/** Classifies a literal string value of a resource field. */
export function identifierOf(value: string): Identifier {
  if (isJsonataString(value)) return { kind: 'dynamic', expression: value };
  const whole = WHOLE_PLACEHOLDER.exec(value);
  return whole === null ? { kind: 'literal', value } : { kind: 'placeholder', name: whole[1] as string };
}

/**
 * Reads the field at `path` of a request (`Parameters` or `Arguments`); `*` steps into every array item. JSONPath's
 * `Key.$` and JSONata's `{% %}` mark values computed at run time; a field that is absent yields nothing.
 */
export function readField(
  request: JsonValue | undefined,
  path: readonly string[],
  pointer: string,
): FoundField[] {
  if (request === undefined) return [];
  const [step, ...rest] = path;
  if (step === undefined)
    return typeof request === 'string' ? [{ identifier: identifierOf(request), pointer }] : [];
  if (isJsonataString(request)) {
    // A whole request computed by one expression (JSONata `Arguments: "{% … %}"`): every field is dynamic.
    return [{ identifier: { kind: 'dynamic', expression: request }, pointer }];
  }
  if (step === '*') {
    if (!Array.isArray(request)) return [];
    return request.flatMap((item, i) => readField(item, rest, `${pointer}/${i}`));
  }
  if (request === null || typeof request !== 'object' || Array.isArray(request)) return [];
  if (Object.hasOwn(request, step)) {
    return readField(request[step] as JsonValue, rest, `${pointer}/${step}`);
  }
  const computed = `${step}.$`;
  if (Object.hasOwn(request, computed)) {
    const expression = request[computed];
    return [
      {
        identifier: { kind: 'dynamic', expression: typeof expression === 'string' ? expression : '?' },
        pointer: `${pointer}/${computed}`,
      },
    ];
  }
  return [];
}
