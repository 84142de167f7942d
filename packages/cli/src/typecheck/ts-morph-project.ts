import { Project, type SourceFile, ts } from 'ts-morph';

// `stepcraft dev` keeps one in-process project between saves (see commands/dev-typecheck.ts); `build`, `run` and
// `graph` start the project's own tsc instead (typecheck.ts).

/** Options used when no tsconfig.json is found above a file. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
  noEmit: true,
};

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
