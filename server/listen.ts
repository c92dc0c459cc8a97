import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import {
  answerClientErrors,
  DEFAULT_LIMITS,
  guardEarlyAnswers,
  serverOptions,
  type ConnectionLimits,
} from './connection-limits';
import { createHostCheck, HOST_REFUSED_MESSAGE } from './host-check';
import { SECURITY_HEADERS } from './security-headers';

export interface Listening {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Overrides of the connection limits (tests use short timeouts). */
  limits?: Partial<ConnectionLimits>;
}

export class ListenError extends Error {
  override name = 'ListenError';
}

function listenError(error: NodeJS.ErrnoException, hostname: string, port: number): ListenError {
  const where = `${hostname}:${port}`;
  if (error.code === 'EADDRINUSE')
    return new ListenError(
      `Port ${port} is already in use on ${hostname}: stop the other server or pick another port with --port.`,
    );
  if (error.code === 'EACCES')
    return new ListenError(
      `Not allowed to listen on ${where}: pick a port above 1023 with --port.`,
    );
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
    return new ListenError(
      `Cannot listen on ${where}: ${hostname} is not an address of this machine.`,
    );
  return new ListenError(`Cannot listen on ${where}: ${error.message}`);
}

/**
 * An HTTP server for a fetch handler, with every transport limit in place: timeouts, a cap on
 * connections, the Host check, parser errors answered with the security headers, and early
 * answers that never break the next request on the connection.
 */
export function createLimitedServer(
  fetch: (request: Request) => Response | Promise<Response>,
  hostname: string,
  options: ListenOptions = {},
): Server {
  const limits: ConnectionLimits = { ...DEFAULT_LIMITS, ...options.limits };
  // Cleanup of unread bodies is ours (guardEarlyAnswers), not the adapter's 500 ms drain.
  const handle = getRequestListener(fetch, { autoCleanupIncoming: false });
  let port = 0;
  const hostAllowed = createHostCheck(hostname, () => port);
  const server = createServer(serverOptions(limits), (req, res) => {
    guardEarlyAnswers(req, res, limits);
    if (!hostAllowed(req.headers.host)) {
      res.writeHead(421, {
        ...SECURITY_HEADERS,
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
      });
      res.end(JSON.stringify({ message: HOST_REFUSED_MESSAGE }));
      return;
    }
    void handle(req, res);
  });
  server.maxConnections = limits.maxConnections;
  answerClientErrors(server, limits);
  server.on('listening', () => {
    const address = server.address();
    if (address !== null && typeof address === 'object') port = address.port;
  });
  return server;
}

/** Starts listening; rejects with a readable ListenError when the port is taken or not allowed. */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  hostname: string,
  options: ListenOptions = {},
): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = createLimitedServer(fetch, hostname, options);
    const onError = (error: NodeJS.ErrnoException) => reject(listenError(error, hostname, port));
    server.once('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      const address = server.address();
      resolve({
        server,
        port: address !== null && typeof address === 'object' ? address.port : port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive connections would hold close() open: end them.
            server.closeAllConnections();
          }),
      });
    });
    server.listen(port, hostname);
  });
}
