// Writes docs/diagnostics.md from the code registry and the examples. Run: pnpm docs:diagnostics
import { writeFileSync } from 'node:fs';
import { PAGE, renderPage } from './page.js';

writeFileSync(PAGE, renderPage());
console.log(`wrote ${PAGE}`);
