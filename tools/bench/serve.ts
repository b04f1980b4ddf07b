// Entry point of a benchmark server child process: `node serve.js guide|echo <data folder>`. Kept
// apart from main.ts so the server loads only the server, not the load generator.
import { serve } from './servers';

const [kind, dataDir] = process.argv.slice(2);
if ((kind !== 'guide' && kind !== 'echo') || !dataDir) {
  process.stderr.write('usage: node serve.js guide|echo <data folder>\n');
  process.exit(2);
}
serve(kind, dataDir).catch((error: unknown) => {
  process.stderr.write(`the ${kind} server failed: ${(error as Error).message}\n`);
  process.exit(1);
});
