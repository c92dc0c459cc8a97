/** A bounded closed-loop HTTP load generator (loopback only): N requests at concurrency C. */
import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  errors: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

function once(
  agent: Agent,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body?: string,
) {
  return new Promise<number>((resolve, reject) => {
    // A body goes with its Content-Length, as browsers, curl and the Go client send it (without
    // one, Node would send it chunked, which no real client of this API does).
    const sent = body ? { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } : headers;
    const req = request(url, { method, headers: sent, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
    if (body) req.write(body);
    req.end();
  });
}

export async function runLoad(options: {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  total: number;
  concurrency: number;
}): Promise<LoadResult> {
  const url = new URL(options.url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) throw new Error('loopback only');
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const headers = { 'Content-Type': 'application/json', ...(options.headers ?? {}) };
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const start = performance.now();
  async function worker() {
    while (next < options.total) {
      next++;
      const t = performance.now();
      try {
        const status = await once(agent, url, options.method ?? 'GET', headers, options.body);
        if (status >= 400) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: options.total,
    seconds,
    perSecond: options.total / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    errors,
  };
}
