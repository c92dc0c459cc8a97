/**
 * Test fixture (run by upstream-streaming.test.ts with --expose-gc): `npm start --upstream`'s
 * server alone in a process, so that its memory can be measured without the test's own.
 * Prints its port; on stdin, "reset" starts a measurement and "peak" prints the most memory held
 * after a full collection (heap + buffers, MB) since then.
 */
import { createInterface } from 'node:readline';
import { createConsoleServer } from './console-server';
import { listen } from './listen';
import { createUpstreamProxy } from './upstream';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const collect = gc;

function heldMb(): number {
  collect();
  const { heapUsed, external } = process.memoryUsage();
  return (heapUsed + external) / 1024 / 1024;
}

const app = createConsoleServer({
  distDir: '/nonexistent',
  api: createUpstreamProxy({ baseUrl: new URL(process.argv[2] ?? '') }),
});
const server = await listen((request) => app.fetch(request), 0, '127.0.0.1');

let baseline = heldMb();
let peak = baseline;
setInterval(() => (peak = Math.max(peak, heldMb())), 50);

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'reset') {
    baseline = heldMb();
    peak = baseline;
    process.stdout.write('ok\n');
  } else if (line === 'peak') {
    process.stdout.write(`${(Math.max(peak, heldMb()) - baseline).toFixed(2)}\n`);
  } else if (line === 'exit') {
    void server.close().then(() => process.exit(0));
  }
});
process.stdout.write(`${server.port}\n`);
