import { register as registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';
import { type NamespacedUnregister, register } from 'tsx/esm/api';

const SOURCE_CONDITION = '@stepcraft/source';

// Adds the source condition to every resolution, so `@stepcraft/*` imports in the user's files resolve to
// the same source modules the CLI itself runs from (not to a `dist` that a workspace does not have).
const conditionHook = `export async function resolve(specifier, context, next) {
  const conditions = context.conditions.includes(${JSON.stringify(SOURCE_CONDITION)})
    ? context.conditions
    : [...context.conditions, ${JSON.stringify(SOURCE_CONDITION)}];
  return next(specifier, { ...context, conditions });
}`;

let loader: NamespacedUnregister | undefined;

/** True when this CLI runs from TypeScript source (the workspace), not from the published `dist`. */
function isRunningFromSource(): boolean {
  return import.meta.url.endsWith('.ts');
}

/**
 * Imports a TypeScript or JavaScript module with tsx, resolving workspace packages to source when the CLI
 * itself runs from source. All modules share one tsx namespace, so a dependency such as `@stepcraft/core`
 * is loaded once per process however many workflow files import it (and a file loaded twice is cached).
 */
export async function loadModule(absolutePath: string): Promise<Record<string, unknown>> {
  if (loader === undefined) {
    if (isRunningFromSource()) registerHooks(`data:text/javascript,${encodeURIComponent(conditionHook)}`);
    loader = register({ namespace: 'stepcraft-cli' });
  }
  const namespace: Record<string, unknown> = await loader.import(
    pathToFileURL(absolutePath).href,
    import.meta.url,
  );
  return namespace;
}
