import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Where the page's script and styles are kept: `renderViewer` inlines these two files into every page. */
export const PAGE_ASSETS = {
  script: new URL('../assets/viewer.js', import.meta.url),
  styles: new URL('../assets/viewer.css', import.meta.url),
} as const;

/**
 * Bundles the page (`page/main.ts` and what it imports, and `page/styles.css`) with esbuild: one minified script for
 * browsers of the last few years, no imports left, nothing fetched at run time.
 */
export async function bundlePage(): Promise<{ readonly script: string; readonly styles: string }> {
  const result = await build({
    entryPoints: ['main.ts', 'styles.css'].map((file) =>
      fileURLToPath(new URL(`../page/${file}`, import.meta.url)),
    ),
    bundle: true,
    write: false,
    format: 'iife',
    target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    outdir: 'out',
    logLevel: 'silent',
  });
  const text = (extension: string) => {
    const file = result.outputFiles.find((output) => output.path.endsWith(extension));
    if (file === undefined) throw new Error(`esbuild wrote no ${extension} file`);
    return file.text;
  };
  return { script: text('.js'), styles: text('.css') };
}

// `pnpm --filter @stepcraft/viewer bundle`: rewrites the assets after a change under page/.
if (
  process.argv[1] !== undefined &&
  import.meta.url.endsWith(process.argv[1].replace(/^.*\/scripts\//, '/scripts/'))
) {
  const { script, styles } = await bundlePage();
  writeFileSync(PAGE_ASSETS.script, script);
  writeFileSync(PAGE_ASSETS.styles, styles);
  console.log(`assets/viewer.js ${script.length} bytes, assets/viewer.css ${styles.length} bytes`);
}
