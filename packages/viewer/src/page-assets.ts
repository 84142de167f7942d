import { readFileSync } from 'node:fs';

/** The page's bundled script and styles (built from `page/` by `scripts/bundle-page.ts`). */
export interface PageAssets {
  readonly script: string;
  readonly styles: string;
}

let assets: PageAssets | undefined;

/**
 * Reads the bundled page once. `src/` and `dist/` both sit one level below the package root, beside `assets/`,
 * so this works from source and from the published package alike.
 */
export function pageAssets(): PageAssets {
  assets ??= {
    script: readFileSync(new URL('../assets/viewer.js', import.meta.url), 'utf8'),
    styles: readFileSync(new URL('../assets/viewer.css', import.meta.url), 'utf8'),
  };
  return assets;
}
