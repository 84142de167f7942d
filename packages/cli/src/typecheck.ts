import path from 'node:path';
import { Project, type SourceFile, ts } from 'ts-morph';
import { messageOf } from './output.js';

/** Options used when no tsconfig.json is found above a file. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * Type-checks files with the compiler options of their nearest tsconfig.json; returns each file's errors as
 * `file:line:col: message [TScode]` lines (an empty list means it checks). Configuration errors (a broken
 * tsconfig, missing `types`) are reported against every file they affect, since none of them can be trusted.
 */
export function typeCheck(
  files: readonly string[],
  displayPath: (file: string) => string,
): Map<string, string[]> {
  const errors = new Map<string, string[]>();
  for (const [configPath, group] of groupByConfig(files)) {
    let project: Project;
    try {
      project = openProject(configPath);
    } catch (error) {
      for (const file of group)
        errors.set(file, [`${displayPath(file)}: cannot read ${configPath}: ${messageOf(error)}`]);
      continue;
    }
    const sourceFiles = group.map((file) => [file, project.addSourceFileAtPath(file)] as const);
    project.resolveSourceFileDependencies();
    for (const [file, sourceFile] of sourceFiles) errors.set(file, fileErrors(sourceFile, displayPath(file)));
  }
  return errors;
}

/** A project with the options of `configPath` (the defaults when undefined); throws when it cannot be read. */
export function openProject(configPath: string | undefined): Project {
  return configPath === undefined
    ? new Project({ compilerOptions: DEFAULT_OPTIONS })
    : new Project({
        tsConfigFilePath: configPath,
        skipAddingFilesFromTsConfig: true,
        compilerOptions: { noEmit: true },
      });
}

/** A file's type errors as `shown:line:col: message [TScode]` lines. */
export function fileErrors(sourceFile: SourceFile, shown: string): string[] {
  return sourceFile
    .getPreEmitDiagnostics()
    .map((d) => d.compilerObject)
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => {
      const at = d.file === undefined ? '' : position(d.file, d.start ?? 0);
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      return `${shown}${at}: ${message} [TS${d.code}]`;
    });
}

/** `:line:col`, 1-based. */
function position(file: ts.SourceFile, offset: number): string {
  const { line, character } = ts.getLineAndCharacterOfPosition(file, offset);
  return `:${line + 1}:${character + 1}`;
}

function groupByConfig(files: readonly string[]): Map<string | undefined, string[]> {
  const groups = new Map<string | undefined, string[]>();
  for (const file of files) {
    const config = ts.findConfigFile(path.dirname(file), ts.sys.fileExists);
    groups.set(config, [...(groups.get(config) ?? []), file]);
  }
  return groups;
}
