import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';

/** Test helpers that speak HTTP over real sockets (no fetch in between to hide what happens). */

/** Waits for `check` to hold, polling; fails with `what` after `boundMs`. */
export async function waitFor(check: () => boolean, what: string, boundMs = 10_000): Promise<void> {
  const until = Date.now() + boundMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface RawConnection {
  socket: Socket;
  /** Everything received so far, as latin1 text. */
  received(): string;
  /** How the connection ended: 'open' still, 'closed' by a FIN, 'reset' by an error. */
  state(): 'open' | 'closed' | 'reset';
  write(data: string | Buffer): Promise<void>;
}

/** A raw TCP connection to a local port that records what comes back. */
export function rawConnection(port: number): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    let state: 'open' | 'closed' | 'reset' = 'open';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', () => (state = 'reset'));
    socket.on('close', () => (state = state === 'open' ? 'closed' : state));
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve({
        socket,
        received: () => text,
        state: () => state,
        write: (data) =>
          new Promise((done) => {
            if (socket.destroyed || !socket.writable) done();
            else socket.write(data, () => done());
          }),
      });
    });
  });
}

/** The status codes of the answers in a raw HTTP/1.1 exchange, in order. */
export function statuses(raw: string): number[] {
  return [...raw.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
}

/** Reads a whole response body, counting bytes without keeping them. */
export function drain(res: IncomingMessage): Promise<{ bytes: number; error?: Error }> {
  return new Promise((resolve) => {
    let bytes = 0;
    res.on('data', (chunk: Buffer) => (bytes += chunk.length));
    res.on('end', () => resolve({ bytes }));
    res.on('error', (error) => resolve({ bytes, error }));
    res.on('aborted', () => resolve({ bytes, error: new Error('aborted') }));
  });
}

/**
 * Sends `totalBytes` of body (one reused chunk, so the sender holds nothing), honouring
 * backpressure, and stops sending as soon as an answer arrives. Resolves with the answer.
 */
export function upload(
  port: number,
  path: string,
  totalBytes: number,
  headers: OutgoingHttpHeaders = {},
): Promise<{ status: number; body: string; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    let answered = false;
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers });
    req.on('response', (res) => {
      answered = true;
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body, sentBytes: sent });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < totalBytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
        sent += piece.length;
        if (!req.write(piece)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}
