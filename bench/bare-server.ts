/**
 * Baseline for the emulator benchmark: a bare node:http server that reads the request body and
 * answers the same encrypt JSON with a fixed ciphertext. Same process type as the emulator (tsx).
 */
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';

const port = Number(process.argv[2] ?? 0);
const body = JSON.stringify({
  ciphertext: `thalassa:v1:${randomBytes(12 + 1024 + 16).toString('base64')}`,
  keyVersion: '1',
});

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(body);
  });
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') process.stdout.write(`listening ${address.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
