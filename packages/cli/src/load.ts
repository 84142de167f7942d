import { register as registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { NamespacedUnregister } from 'tsx/esm/api';
import { isRunningFromSource } from './own-modules.js';

const SOURCE_CONDITION = JSON.stringify('@stepcraft/source');

/**
 * A module-hooks URL that adds the `@stepcraft/source` condition to every resolution, so `@stepcraft/*` imports in
 * the user's files resolve to the same source modules the CLI itself runs from in the workspace (which has no
 * `dist` before a build). Published packages do not carry the condition, so this only ever applies here.
 */
export const SOURCE_CONDITION_HOOK = `data:text/javascript,${encodeURIComponent(`export async function resolve(specifier, context, next) {
  const conditions = context.conditions.includes(${SOURCE_CONDITION})
    ? context.conditions
    : [...context.conditions, ${SOURCE_CONDITION}];
  return next(specifier, { ...context, conditions });
}`)}`;

let loader: NamespacedUnregister | undefined;

/**
 * Imports a TypeScript or JavaScript module with tsx, resolving workspace packages to source when the CLI
 * itself runs from source. All modules share one tsx namespace, so a dependency such as `@stepcraft/core`
 * is loaded once per process however many workflow files import it (and a file loaded twice is cached).
 * tsx is imported on first use: commands on ASL files never pay for it.
 */
export async function loadModule(absolutePath: string): Promise<Record<string, unknown>> {
  if (loader === undefined) {
    if (isRunningFromSource()) registerHooks(SOURCE_CONDITION_HOOK);
    const { register } = await import('tsx/esm/api');
    loader ??= register({ namespace: 'stepcraft-cli' });
  }
  const namespace: Record<string, unknown> = await loader.import(
    pathToFileURL(absolutePath).href,
    import.meta.url,
  );
  return namespace;
}
