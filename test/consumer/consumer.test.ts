import { execFile, execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NpmProject, type Tarballs } from './npm-project.js';
import { ADOPTER_SECTION, commandsOf, fileOf, isShell, ROOT, readmeBlocks } from './readme.js';

// Uses the packages as a team adopting them would: packs every package (prepack builds it), checks the tarballs with
// publint and attw, installs them with plain npm into fresh projects outside the workspace and follows the README's
// "Use it in your project" section there verbatim (with the tarballs standing in for the registry), then the same with
// valibot, the examples with every state exported under `declaration: true`, the TypeScript floor, and `stepcraft
// init` followed by `npm install && npm test`. npm's cache (~/.npm) keeps repeated runs to about a minute.

const exec = promisify(execFile);
const SCAFFOLD = 'npx @stepcraft/cli init';
const work = mkdtempSync(path.join(tmpdir(), 'stepcraft-consumer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);
const bin = (name: string, file: string) => path.join(ROOT, 'node_modules', name, file);
let tarballs: Tarballs = {};

/** `pnpm pack` of every package: what `changeset publish` would upload (publishConfig applied, workspace: resolved). */
async function packAll(destination: string): Promise<Tarballs> {
  await exec(
    'npx',
    ['-y', 'pnpm@10', '-r', '--filter', './packages/*', 'pack', '--pack-destination', destination],
    {
      cwd: ROOT,
    },
  );
  const packed: Record<string, string> = {};
  for (const file of readdirSync(destination)) {
    const manifest = JSON.parse(
      (await exec('tar', ['-xzOf', path.join(destination, file), 'package/package.json'])).stdout,
    );
    packed[manifest.name] = path.join(destination, file);
  }
  return packed;
}

/** Runs a tool, returning its exit code and output (printed, so that CI logs show it). */
async function tool(
  command: string,
  args: readonly string[],
  cwd = work,
): Promise<{ code: number; output: string }> {
  const result = await exec(command, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, output: `${stdout}${stderr}` }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? 1,
      output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }),
  );
  console.log(`$ ${path.basename(command)} ${args.join(' ')}\n${result.output}`);
  return result;
}

beforeAll(async () => {
  tarballs = await packAll(path.join(work, 'tarballs'));
}, 180_000);

describe('the packed tarballs', () => {
  test('one per package that is not private', () => {
    const publishable = readdirSync(path.join(ROOT, 'packages'))
      .map((dir) => JSON.parse(readFileSync(path.join(ROOT, 'packages', dir, 'package.json'), 'utf8')))
      .filter((manifest) => manifest.private !== true)
      .map((manifest) => manifest.name);
    expect(Object.keys(tarballs).sort()).toEqual(publishable.sort());
    expect(publishable).toEqual(
      expect.arrayContaining(['@stepcraft/asl', '@stepcraft/core', '@stepcraft/runner', '@stepcraft/cli']),
    );
  });

  test('publint --strict and attw --profile esm-only find nothing', async () => {
    const checks = Object.values(tarballs).flatMap((tarball) => [
      tool(process.execPath, [bin('publint', 'src/cli.js'), '--strict', tarball]),
      tool(process.execPath, [
        bin('@arethetypeswrong/cli', 'dist/index.js'),
        tarball,
        '--profile',
        'esm-only',
      ]),
    ]);
    const results = await Promise.all(checks);
    expect(results.map((r) => r.code)).toEqual(results.map(() => 0));
    for (const result of results.filter((_, index) => index % 2 === 0))
      expect(result.output).toContain('All good!');
  }, 120_000);

  test('hold README, LICENSE, dist and src; declaration and source maps resolve; no workspace-only fields', () => {
    for (const [name, tarball] of Object.entries(tarballs)) {
      const dir = path.join(work, 'unpacked', name);
      mkdirSync(dir, { recursive: true });
      execFileSync('tar', ['-xzf', tarball, '-C', dir]);
      const root = path.join(dir, 'package');
      const manifest = readFileSync(path.join(root, 'package.json'), 'utf8');
      expect(manifest, name).not.toMatch(/workspace:|@stepcraft\/source/);
      expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toContain('Apache License');
      expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(name);
      const maps = walk(path.join(root, 'dist')).filter((file) => file.endsWith('.map'));
      expect(maps.filter((file) => file.endsWith('.d.ts.map')).length, name).toBeGreaterThan(0);
      // The JavaScript is bundled (scripts/bundle.mjs): one module per entry point and shared chunks, mapped to src.
      expect(maps.filter((file) => file.endsWith('.js.map')).length, name).toBeGreaterThan(0);
      for (const map of maps) {
        for (const source of JSON.parse(readFileSync(map, 'utf8')).sources as string[]) {
          expect(exists(path.resolve(path.dirname(map), source)), `${map} → ${source}`).toBe(true);
        }
      }
    }
  });
});

describe('a new npm project, following the README', () => {
  const dir = path.join(work, 'first-workflow');
  let project: NpmProject;
  beforeAll(() => {
    mkdirSync(dir);
    project = new NpmProject(dir, tarballs);
  });
  afterAll(() => console.log(project.report('consumer project (README "Use it in your project")')));

  test("the README's install, files and commands work verbatim in an empty folder", async () => {
    const blocks = readmeBlocks().filter((block) => block.section === ADOPTER_SECTION);
    for (const block of blocks) {
      const file = fileOf(block);
      if (file !== undefined) {
        mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
        writeFileSync(path.join(dir, file.path), file.text);
      } else if (isShell(block)) {
        // The scaffold command (`npx @stepcraft/cli init …`) is followed in its own test below.
        for (const command of commandsOf(block).filter((c) => !c.includes(SCAFFOLD)))
          await project.run(command);
      }
    }
    const ran = project.steps.find((step) => step.command.startsWith('npx stepcraft run'));
    expect(JSON.parse(ran?.output ?? '')).toEqual({
      orderId: 'O-1',
      amount: 42,
      charge: { chargeId: 'ch-O-1', approved: true },
    });
    expect(project.steps.find((step) => step.command.startsWith('npx vitest'))?.output).toMatch(/2 passed/);
  }, 300_000);

  test.concurrent('valibot instead of zod, and the examples with every state exported, build and test too', async () => {
    await project.run('npm install valibot');
    cpSync(path.join(ROOT, 'test/consumer/project/src'), path.join(dir, 'src'), { recursive: true });
    for (const example of readdirSync(path.join(ROOT, 'examples'), { withFileTypes: true })) {
      if (!existsSync(path.join(ROOT, 'examples', example.name, 'workflow.ts'))) continue;
      // Every module of the example (a child workflow, an Express variant…), not its tests.
      const modules = readdirSync(path.join(ROOT, 'examples', example.name)).filter(
        (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
      );
      for (const name of modules) {
        const text = readFileSync(path.join(ROOT, 'examples', example.name, name), 'utf8');
        mkdirSync(path.join(dir, 'src/examples', example.name), { recursive: true });
        // Exported, each state's inferred type must be written into a declaration (TS2883 when it cannot be named).
        writeFileSync(
          path.join(dir, 'src/examples', example.name, name),
          text.replace(/^const /gm, 'export const '),
        );
      }
    }
    await project.run('npx tsc');
    const built = await project.run('npx stepcraft build src --out dist/asl --json');
    expect(
      JSON.parse(
        built
          .split('\n')
          .filter((line) => !/^(wrote|stepcraft build:)/.test(line))
          .join('\n'),
      ).failed,
    ).toEqual([]);
    expect(
      readdirSync(path.join(dir, 'dist/asl'))
        .filter((file) => file.endsWith('.asl.json'))
        .sort(),
    ).toEqual(
      [
        'ApiApproval',
        'EtlPipeline',
        'Fulfilment',
        'GlueEtl',
        'HumanApproval',
        'MlInference',
        'MlPipeline',
        'OrderProcessing',
        'OrderProcessingExpress',
        'OrderTotal',
        'OrderWithFulfilment',
        'Orders',
        'RetryBackoff',
        'ShipmentEvents',
        'ValibotOrders',
      ].map((name) => `${name}.asl.json`),
    );
    const ran = await project.run(
      `npx stepcraft run src/valibot/workflow.ts --input '{"orderId":"o-1","amount":42}' --json`,
    );
    expect(JSON.parse(ran).status).toBe('SUCCEEDED');
    expect(await project.run('npx vitest run')).toMatch(/3 passed/);
  }, 300_000);

  test.concurrent('stepcraft init in an empty folder, then npm install && npm test: the scaffold passes', async () => {
    const initDir = path.join(work, 'init');
    mkdirSync(initDir);
    const scaffolded = new NpmProject(initDir, tarballs);
    const scaffold = readmeBlocks()
      .filter((block) => block.section === ADOPTER_SECTION && isShell(block))
      .flatMap(commandsOf)
      .filter((command) => command.includes(SCAFFOLD));
    expect(scaffold).toHaveLength(1);
    // `npx @stepcraft/cli` would fetch the CLI from the registry; the one installed from its tarball stands in.
    const installed = path.join(dir, 'node_modules/.bin/stepcraft');
    try {
      await scaffolded.run(scaffold[0]?.replace(SCAFFOLD, `${installed} init`) ?? '');
      expect(scaffolded.steps.at(-1)?.output).toMatch(/Tests\s+3 passed/);
      await scaffolded.run('npm run build');
      expect(readdirSync(path.join(scaffolded.cwd, 'dist/asl')).sort()).toEqual([
        'ProcessOrder.asl.json',
        'ProcessOrder.input.schema.json',
      ]);
    } finally {
      console.log(scaffolded.report('stepcraft init, then npm install && npm test'));
    }
  }, 300_000);

  test.concurrent('npm refuses zod older than 3.24, whose schemas have no Standard Schema to check with', async () => {
    const oldZod = new NpmProject(path.join(work, 'old-zod'), tarballs);
    mkdirSync(oldZod.cwd);
    await oldZod.run('npm init -y');
    const refused = await oldZod
      .run('npm install @stepcraft/core zod@3.22.4')
      .then(() => 'installed', String);
    expect(refused).toContain('peerOptional zod@">=3.24" from @stepcraft/core');
  }, 120_000);

  test("each package README's example runs as written", async () => {
    // The packages this project installed (a package that needs more, such as a CDK construct, is tested elsewhere).
    const installed = readdirSync(path.join(dir, 'node_modules/@stepcraft'));
    const examples = installed.flatMap((name) =>
      readmeBlocks(readFileSync(path.join(ROOT, 'packages', name, 'README.md'), 'utf8'))
        .filter((block) => block.language === 'ts')
        .map((block, index) => ({ file: `readme-examples/${name}-${index}.mts`, text: block.text })),
    );
    expect(examples.length).toBeGreaterThanOrEqual(3);
    mkdirSync(path.join(dir, 'readme-examples'));
    for (const example of examples) writeFileSync(path.join(dir, example.file), example.text);
    for (const example of examples) await project.run(`npx tsx ${example.file}`);
    const runner = project.steps.find((step) => step.command.includes('readme-examples/runner-'));
    expect(runner?.output).toContain('SUCCEEDED { charged: true }');
  }, 120_000);

  test('TypeScript 5.5 is the floor: 5.5 checks our declarations, 5.3 (before NoInfer) cannot', async () => {
    await project.run(
      'npm install --no-save typescript-5.5@npm:typescript@5.5.4 typescript-5.3@npm:typescript@5.3.3',
    );
    // Our declaration files are checked too (skipLibCheck off; TypeScript's own lib files are not re-checked), with
    // no schema library in the way: zod 4 and vitest 4 need a newer TypeScript themselves.
    cpSync(path.join(ROOT, 'test/consumer/project/floor.ts'), path.join(dir, 'floor/workflow.ts'));
    writeFileSync(
      path.join(dir, 'tsconfig.floor.json'),
      JSON.stringify({
        extends: './tsconfig.json',
        compilerOptions: { skipLibCheck: false, skipDefaultLibCheck: true },
        include: [],
        files: ['floor/workflow.ts'],
      }),
    );
    const [floor, older] = await Promise.all([
      project.run('node node_modules/typescript-5.5/bin/tsc -p tsconfig.floor.json').then(() => 'ok', String),
      project.run('node node_modules/typescript-5.3/bin/tsc -p tsconfig.floor.json').then(() => 'ok', String),
    ]);
    expect(floor).toBe('ok');
    expect(older).toContain("Cannot find name 'NoInfer'");
  }, 300_000);
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

function exists(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}
