/** A deploy-time placeholder: `${Name}`, filled by the state machine's `DefinitionSubstitutions`. */
export type Placeholder<TName extends string = string> = `\${${TName}}`;

/**
 * How a workflow's type records a placeholder a resource field holds: `kind:Name` (`lambda-function:PaymentFunction`),
 * so `@stepcraft/cdk` can require a binding of the right construct type; a literal name records nothing.
 */
export type ResourceTag<TKind extends string, TValue> =
  TValue extends Placeholder<infer $Name> ? `${TKind}:${$Name}` : never;

/**
 * A placeholder for a resource that is known only at deployment (a function, queue, table, …): `@stepcraft/cdk`
 * binds it to a construct, and `stepcraft build --format cloudformation|sam` makes it a template parameter.
 * Locally the runner calls the task's handler, so the placeholder is never resolved.
 * @example lambda.invoke(placeholder('PaymentFunction')) // "FunctionName": "${PaymentFunction}"
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-cfn-sam-definition-substitutions.html
 */
export function placeholder<const TName extends string>(name: TName): Placeholder<TName> {
  return `\${${name}}`;
}
