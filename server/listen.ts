import { serve, type ServerType } from '@hono/node-server';

export interface Listening {
  server: ServerType;
  port: number;
  close(): Promise<void>;
}

export class ListenError extends Error {
  override name = 'ListenError';
}

/** Starts listening; rejects with a readable ListenError when the port is taken or not allowed. */
export function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  hostname: string,
): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname });
    const onError = (error: NodeJS.ErrnoException) => {
      const where = `${hostname}:${port}`;
      if (error.code === 'EADDRINUSE')
        reject(
          new ListenError(
            `Port ${port} is already in use on ${hostname}: stop the other server or pick another port with --port.`,
          ),
        );
      else if (error.code === 'EACCES')
        reject(
          new ListenError(`Not allowed to listen on ${where}: pick a port above 1023 with --port.`),
        );
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(
          new ListenError(
            `Cannot listen on ${where}: ${hostname} is not an address of this machine.`,
          ),
        );
      else reject(new ListenError(`Cannot listen on ${where}: ${error.message}`));
    };
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
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}
