// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are CloudFormation Fn::Sub templates
/**
 * An ARN as CloudFormation's `Fn::Sub` computes it: text with `${AWS::Partition}`, `${AWS::Region}`,
 * `${AWS::AccountId}` and `${Part}` references, each part a piece of a placeholder's value (`Fn::Select` over
 * `Fn::Split`). Literal text is escaped (`${!`), so the template is exact whichever backend renders it.
 */
export interface ArnTemplate {
  readonly template: string;
  readonly parts?: Readonly<Record<string, ValuePart>>;
}

/**
 * The `index`-th piece of a placeholder's value split at `separator` (`Fn::Select [i, Fn::Split [sep, Ref]]`), or of
 * that piece split again (`within`: the region inside a queue URL's host).
 */
export interface ValuePart {
  readonly placeholder: string;
  readonly separator: string;
  readonly index: number;
  readonly within?: { readonly separator: string; readonly index: number };
}

/** The value of a resource identifier as an ARN builder sees it: known text, or a placeholder's value. */
export type IdentifierValue = { readonly literal: string } | { readonly placeholder: string };

/** The stack's partition, region and account, as `Fn::Sub` names them. */
export const PARTITION = '${AWS::Partition}';
export const REGION = '${AWS::Region}';
export const ACCOUNT = '${AWS::AccountId}';

/** `arn:${AWS::Partition}:<service>:<region>:<account>:<resource>` (region/account default to the stack's). */
export function stackArn(service: string, resource: string, region = REGION, account = ACCOUNT): string {
  return `arn:${PARTITION}:${service}:${region}:${account}:${resource}`;
}

/** Escapes literal text for a `Fn::Sub` template. */
export function escapeSub(text: string): string {
  return text.replaceAll('${', '${!');
}

/** A template with no parts. */
export function arn(template: string): ArnTemplate {
  return { template };
}

/** The text standing for an identifier inside a template: escaped literal, or `${Placeholder}`. */
export function valueText(value: IdentifierValue): string {
  return 'literal' in value ? escapeSub(value.literal) : `\${${value.placeholder}}`;
}

/** Appends literal text to a template. */
export function withSuffix(base: ArnTemplate, suffix: string): ArnTemplate {
  return suffix === '' ? base : { ...base, template: base.template + escapeSub(suffix) };
}
