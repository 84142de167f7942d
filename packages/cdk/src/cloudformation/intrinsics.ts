import type { JsonValue } from '@stepcraft/asl';
import type { ArnTemplate } from '../deploy/arn.js';

/**
 * A CloudFormation value: JSON, where `{ "Ref": … }`, `{ "Fn::Sub": … }` and the other intrinsic functions are
 * objects like any other.
 */
export type CfnValue = JsonValue;

/**
 * Renders an ARN template: a plain string when it references nothing, else `Fn::Sub` (with its parts as
 * `Fn::Select`/`Fn::Split` over the parameters). Placeholder names in the template are template parameters.
 */
export function renderArn(arn: ArnTemplate): CfnValue {
  const parts = Object.entries(arn.parts ?? {});
  if (parts.length > 0) {
    const variables: Record<string, JsonValue> = {};
    for (const [name, part] of parts) {
      const piece: JsonValue = {
        'Fn::Select': [part.index, { 'Fn::Split': [part.separator, { Ref: part.placeholder }] }],
      };
      variables[name] =
        part.within === undefined
          ? piece
          : { 'Fn::Select': [part.within.index, { 'Fn::Split': [part.within.separator, piece] }] };
    }
    return { 'Fn::Sub': [arn.template, variables] };
  }
  if (!arn.template.includes('${')) return arn.template;
  // `${Name}` alone is the parameter itself.
  const whole = /^\$\{([A-Za-z0-9]+)\}$/.exec(arn.template);
  return whole === null ? { 'Fn::Sub': arn.template } : { Ref: whole[1] as string };
}
