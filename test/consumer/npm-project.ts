import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// A new user's shell: none of the npm_* variables of the pnpm/npm process running the tests (they name the workspace
// as the project), no colours in the output. npm may use its cache without revalidating it: the registry's metadata
// does not change what our tarballs are tested with, and it saves seconds per install.
const CLEAN_ENV = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))),
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

/** The packed tarball of each of our packages, by package name. */
export type Tarballs = Readonly<Record<string, string>>;

/** One command run in a consumer project, and how long it took. */
export interface Step {
  readonly command: string;
  readonly seconds: number;
  readonly output: string;
}

/**
 * Runs shell commands the way a new user types them into an npm project, except that our packages come from the
 * packed tarballs instead of the registry (they are not published): `@stepcraft/x` in an `npm install` becomes its
 * tarball, and before any npm install the project's package.json gets `overrides` (and its own `@stepcraft/*`
 * dependencies) pointing at the same tarballs, so that our packages' dependencies on each other resolve to them too.
 * `a && cd b && c` runs part by part, so that this can happen between the parts.
 */
export class NpmProject {
  readonly steps: Step[] = [];
  #cwd: string;

  constructor(
    directory: string,
    private readonly tarballs: Tarballs,
  ) {
    this.#cwd = directory;
  }

  /** The directory the next command runs in. */
  get cwd(): string {
    return this.#cwd;
  }

  /** Runs a command line; throws with its output when a part exits non-zero. */
  async run(line: string): Promise<string> {
    let output = '';
    for (const part of line.split(' && ').map((p) => p.trim())) {
      const cd = /^cd (\S+)$/.exec(part);
      if (cd?.[1] !== undefined) {
        this.#cwd = path.resolve(this.#cwd, cd[1]);
        continue;
      }
      const isInstall = /^npm (install|i|ci)\b/.test(part);
      if (isInstall) this.#pointAtTarballs();
      const command = isInstall ? this.#withTarballs(part) : part;
      const started = performance.now();
      output = await new Promise<string>((resolve, reject) => {
        execFile(
          'bash',
          ['-c', command],
          { cwd: this.#cwd, env: CLEAN_ENV, maxBuffer: 64 * 1024 * 1024 },
          (error, stdout, stderr) => {
            const text = `${stdout}${stderr}`;
            if (error === null) resolve(text);
            else reject(new Error(`\`${part}\` failed in ${this.#cwd}:\n${text}`));
          },
        );
      });
      this.steps.push({ command: part, seconds: (performance.now() - started) / 1000, output });
    }
    return output;
  }

  /** `@stepcraft/x` package arguments of an npm install replaced by their tarballs (relative, as npm saves them). */
  #withTarballs(command: string): string {
    return command.replace(/(?<=\s)(@stepcraft\/[a-z-]+)(?=\s|$)/g, (name) =>
      this.#spec(name).slice('file:'.length),
    );
  }

  #spec(name: string): string {
    const tarball = this.tarballs[name];
    if (tarball === undefined) throw new Error(`no tarball for ${name}`);
    return `file:${path.relative(this.#cwd, tarball)}`;
  }

  #pointAtTarballs(): void {
    const file = path.join(this.#cwd, 'package.json');
    if (!existsSync(file)) return;
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    for (const field of ['dependencies', 'devDependencies']) {
      for (const name of Object.keys(manifest[field] ?? {})) {
        if (name in this.tarballs) manifest[field][name] = this.#spec(name);
      }
    }
    manifest.overrides = Object.fromEntries(
      Object.keys(this.tarballs).map((name) => [name, this.#spec(name)]),
    );
    writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  }

  /** The steps as a table for the test's log: seconds and command. */
  report(title: string): string {
    const rows = this.steps.map((step) => `${step.seconds.toFixed(1).padStart(6)} s  ${step.command}`);
    return [`${title}:`, ...rows].join('\n');
  }
}
