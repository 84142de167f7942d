import module from 'node:module';
import { processIo } from './output.js';

// Node ≥ 22.1 can keep the compiled code of every module on disk between runs: a CLI's start-up is mostly that.
// Called before the commands are imported, so that they are cached too (older Node simply has no such function).
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
const { main } = await import('./main.js');
process.exitCode = await main(process.argv.slice(2), processIo);
