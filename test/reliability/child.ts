/**
 * Child entry of the reliability harness: imports `module`, calls its export `name`, and prints one JSON line with
 * the value and the process's peak memory. Runs under the heap limit the harness sets.
 */
const [moduleUrl, name] = process.argv.slice(2);
if (moduleUrl === undefined || name === undefined)
  throw new Error('usage: child.ts <module url> <export name>');
const scenarios = (await import(moduleUrl)) as Record<string, () => unknown>;
const scenario = scenarios[name];
if (typeof scenario !== 'function') throw new Error(`${moduleUrl} has no export ${name}`);
const value = await scenario();
const heapUsedMb = process.memoryUsage().heapUsed / 2 ** 20;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ value, heapUsedMb, maxRssMb })}\n`);
