import path from 'node:path';
import { type Project, type SourceFile, ts } from 'ts-morph';
import { messageOf } from '../output.js';
import { fileErrors, openProject } from '../typecheck/ts-morph-project.js';

/** Type-checks one file again and again, cheaply: see `incrementalTypeCheck`. */
export interface IncrementalTypeCheck {
  /** The file's errors as `file:line:col: message [TScode]` lines, after re-reading what changed under `folder`. */
  check(): readonly string[];
  /** Forgets the project (after a tsconfig.json changed): the next check starts afresh. */
  reset(): void;
}

/**
 * A type checker for the dev loop that keeps its project between saves: only the files under the watched folder
 * are re-read (the libraries' thousands of declarations are parsed once), so a check after a save takes a
 * fraction of the first. Uses the nearest tsconfig.json, as `stepcraft build` does.
 */
export function incrementalTypeCheck(file: string, folder: string, shown: string): IncrementalTypeCheck {
  let project: Project | undefined;
  let source: SourceFile | undefined;
  const inFolder = (candidate: string) => !path.relative(folder, candidate).startsWith('..');
  return {
    check() {
      try {
        if (project === undefined || source === undefined) {
          project = openProject(ts.findConfigFile(path.dirname(file), ts.sys.fileExists));
          source = project.addSourceFileAtPath(file);
        } else {
          for (const candidate of project.getSourceFiles()) {
            if (inFolder(candidate.getFilePath())) candidate.refreshFromFileSystemSync();
          }
        }
        project.resolveSourceFileDependencies();
        return fileErrors(source, shown);
      } catch (error) {
        project = undefined;
        return [`${shown}: cannot type-check: ${messageOf(error)}`];
      }
    },
    reset() {
      project = undefined;
    },
  };
}
