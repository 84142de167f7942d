import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The lowest TypeScript our declaration files check with: they use `NoInfer` (5.4), and 5.4 also rejects the
 * declarations of core's builder classes (TS2416), which 5.5 accepts.
 */
export const TYPESCRIPT_FLOOR = [5, 5] as const;

/** A TypeScript installation and how to start its `tsc`. */
export interface TypeScriptInstall {
  readonly version: string;
  readonly directory: string;
  /** The native `tsc` executable of TypeScript 7, or Node with the JavaScript `tsc` of earlier versions. */
  readonly command: string;
  readonly args: readonly string[];
  /** Whether `command` is TypeScript 7's native `tsc` (which checks with several threads unless told otherwise). */
  readonly native: boolean;
}

/**
 * The TypeScript a project type-checks with: the one its own `node_modules` resolves from `directory`, else the one
 * installed beside this CLI (its optional peer). Undefined when there is none.
 */
export async function findTypeScript(directory: string): Promise<TypeScriptInstall | undefined> {
  for (const from of [path.join(directory, 'package.json'), fileURLToPath(import.meta.url)]) {
    let manifestPath: string;
    try {
      manifestPath = createRequire(from).resolve('typescript/package.json');
    } catch {
      continue;
    }
    return describe(path.dirname(manifestPath), JSON.parse(await readFile(manifestPath, 'utf8')));
  }
  return undefined;
}

/** Whether `version` is at least `TYPESCRIPT_FLOOR`. */
export function isSupportedVersion(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [floorMajor, floorMinor] = TYPESCRIPT_FLOOR;
  return major > floorMajor || (major === floorMajor && minor >= floorMinor);
}

async function describe(
  directory: string,
  manifest: { version?: unknown; bin?: unknown },
): Promise<TypeScriptInstall> {
  const version = String(manifest.version);
  const bin =
    typeof manifest.bin === 'object' && manifest.bin !== null
      ? (manifest.bin as { tsc?: unknown }).tsc
      : undefined;
  const script = path.join(directory, typeof bin === 'string' ? bin : 'bin/tsc');
  const native = Number(version.split('.')[0]) >= 7 ? await nativeExecutable(directory) : undefined;
  return native === undefined
    ? { version, directory, command: process.execPath, args: [script], native: false }
    : { version, directory, command: native, args: [], native: true };
}

/** TypeScript 7's `tsc` is a Go program; starting it directly saves the Node process its launcher script would be. */
async function nativeExecutable(directory: string): Promise<string | undefined> {
  try {
    const module: { default?: unknown } = await import(
      pathToFileURL(path.join(directory, 'lib/getExePath.js')).href
    );
    return typeof module.default === 'function' ? String(module.default()) : undefined;
  } catch {
    return undefined;
  }
}
