import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { SECURITY_HEADERS } from './security-headers';

/** How long and how much any client may take; see docs/emulator.md, "Server hardening". */
export interface ConnectionLimits {
  /** Time to receive a request's head (request line and headers). */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this long. */
  keepAliveTimeoutMs: number;
  /** How often Node looks for requests past the two timeouts above. */
  timeoutCheckIntervalMs: number;
  /** Connections beyond this number are closed as soon as they open. */
  maxConnections: number;
  /** Request line plus headers; more is a 431. */
  maxHeaderBytes: number;
  /**
   * A request answered before its body arrived keeps its connection when the rest of the body
   * (by Content-Length) is at most this many bytes: the rest is read and thrown away.
   */
  discardBodyBytes: number;
  /** After `Connection: close`, how long unread request bytes are still read and dropped. */
  lingerMs: number;
}

export const DEFAULT_LIMITS: Readonly<ConnectionLimits> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  timeoutCheckIntervalMs: 1_000,
  maxConnections: 256,
  maxHeaderBytes: 16 * 1024,
  discardBodyBytes: 4 * 1024 * 1024,
  lingerMs: 2_000,
};

/** Options for node:http's createServer that enforce the limits. */
export function serverOptions(limits: ConnectionLimits) {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
    maxHeaderSize: limits.maxHeaderBytes,
  };
}

/** A complete JSON answer, as raw bytes, for paths that bypass the Web Response shim. */
export function rawJsonAnswer(status: number, message: string): string {
  const body = JSON.stringify({ message });
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    Connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${lines.join('')}\r\n${body}`;
}

/**
 * Ends a socket without resetting it: our FIN goes out at once, but bytes the client is still
 * sending are read and dropped for a while (closing with unread bytes makes the kernel send a
 * reset, and the client may lose the answer it has not read yet).
 */
export function lingeringClose(socket: Socket, lingerMs: number): void {
  if (socket.destroyed) return;
  socket.end();
  socket.resume();
  const timer = setTimeout(() => socket.destroy(), lingerMs);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

const CLIENT_ERRORS: Readonly<Record<string, [number, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'The request headers are too large'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'The chunk extensions are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request took too long to arrive'],
};

/**
 * Answers the HTTP parser's own errors (bad or huge headers, timeouts) in JSON with the same
 * security headers as every other answer, then closes the connection.
 */
export function answerClientErrors(server: Server, limits: ConnectionLimits): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent === true) {
      socket.destroy();
      return;
    }
    const [status, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad request'];
    socket.write(rawJsonAnswer(status, message));
    lingeringClose(socket, limits.lingerMs);
  });
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Reads what is left of a body and drops it, so that the parser reaches the next request. */
function discardRest(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  req.removeAllListeners('data');
  req.resume();
}

/**
 * A request answered before its body arrived (413, 401, 404, 421 ...) must not break the next
 * request on the same connection. A small declared rest is read and dropped (keep-alive works);
 * an unknown (chunked) or large rest gets `Connection: close` and a lingering close instead.
 */
export function guardEarlyAnswers(
  req: IncomingMessage,
  res: ServerResponse,
  limits: ConnectionLimits,
): void {
  if (!hasBody(req)) return;
  const writeHead = res.writeHead;
  let decided = false;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    if (!decided && !req.complete) {
      decided = true;
      const declared = Number(req.headers['content-length'] ?? Number.NaN);
      const chunked = req.headers['transfer-encoding'] !== undefined;
      res.once('finish', () => discardRest(req));
      if (chunked || !Number.isSafeInteger(declared) || declared > limits.discardBodyBytes) {
        res.setHeader('Connection', 'close');
        const socket = req.socket;
        socket.destroySoon = () => lingeringClose(socket, limits.lingerMs);
      }
    }
    return writeHead.apply(this, args);
  } as typeof writeHead;
}
