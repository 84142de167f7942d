import { Aws, Fn } from 'aws-cdk-lib';
import type { ArnTemplate } from '../deploy/arn.js';

const PSEUDO: ReadonlyMap<string, string> = new Map([
  ['AWS::Partition', Aws.PARTITION],
  ['AWS::Region', Aws.REGION],
  ['AWS::AccountId', Aws.ACCOUNT_ID],
]);

/**
 * Renders an ARN template as a CDK string: pseudo parameters become CDK's tokens, a placeholder its bound value,
 * each part `Fn.select(i, Fn.split(sep, value))`, and escaped literal text (`${!`) plain text again.
 */
export function renderArnToken(arn: ArnTemplate, bound: (placeholder: string) => string): string {
  const parts = arn.parts ?? {};
  return arn.template.replace(/\$\{(!?)([^{}]*)\}/g, (whole, escaped: string, name: string) => {
    if (escaped === '!') return `\${${name}}`;
    const pseudo = PSEUDO.get(name);
    if (pseudo !== undefined) return pseudo;
    const part = Object.hasOwn(parts, name) ? parts[name] : undefined;
    if (part !== undefined) {
      const piece = Fn.select(part.index, Fn.split(part.separator, bound(part.placeholder)));
      return part.within === undefined
        ? piece
        : Fn.select(part.within.index, Fn.split(part.within.separator, piece));
    }
    return name === '' ? whole : bound(name);
  });
}
