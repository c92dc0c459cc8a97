import { describe, expect, it } from 'vitest';
import { listen, ListenError } from './listen';

const hello = () => new Response('hello');

describe('listen', () => {
  it('listens on a free port when given 0 and closes again', async () => {
    const server = await listen(hello, 0, '127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    const res = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(await res.text()).toBe('hello');
    await server.close();
    await expect(fetch(`http://127.0.0.1:${server.port}/`)).rejects.toThrow();
  });

  it('explains a port that is in use', async () => {
    const first = await listen(hello, 0, '127.0.0.1');
    try {
      const second = listen(hello, first.port, '127.0.0.1');
      await expect(second).rejects.toBeInstanceOf(ListenError);
      await expect(second).rejects.toThrow(`Port ${first.port} is already in use`);
    } finally {
      await first.close();
    }
  });

  it('closes even with a keep-alive connection open', async () => {
    const server = await listen(hello, 0, '127.0.0.1');
    await fetch(`http://127.0.0.1:${server.port}/`, { keepalive: true });
    await server.close();
    await expect(fetch(`http://127.0.0.1:${server.port}/`)).rejects.toThrow();
  });
});
