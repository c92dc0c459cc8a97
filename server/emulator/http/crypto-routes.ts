import type { z } from 'zod';
import { ENDPOINTS } from '../../../src/contract/index';
import type { AuditAction } from '../../../src/contract/index';
import type { CryptoResult } from '../domain/crypto-ops';
import type { KeyRecord } from '../store/store';
import { badRequest } from './errors';
import { formatZodError, readBody } from './context';
import type { RouteDeps } from './route-deps';

/** Encrypt, decrypt, sign, verify, HMAC, verify-HMAC, export, and public keys. */
export function registerCryptoRoutes({ route, ctx, store, service }: RouteDeps): void {
  /**
   * One crypto endpoint: the key (scope, region), then under audit the body, the operation and
   * the success record, committed before the answer leaves.
   */
  const cryptoRoute = <S extends z.ZodType>(
    endpoint: { method: string; path: string; body: S },
    action: AuditAction,
    run: (key: KeyRecord, body: z.output<S>) => CryptoResult<unknown>,
  ) =>
    route(endpoint, async (c) => {
      const req = ctx.keyRequest(c);
      return ctx.audited(req, action, async () => {
        const body = await readBody(c, endpoint.body);
        const result = run(req.key, body);
        await ctx.success(req, action, result.keyVersion);
        return c.json(result.response);
      });
    });

  const ops = service.crypto;
  cryptoRoute(ENDPOINTS.encrypt, 'kms.encrypt', ops.encrypt);
  cryptoRoute(ENDPOINTS.decrypt, 'kms.decrypt', ops.decrypt);
  cryptoRoute(ENDPOINTS.sign, 'kms.sign', ops.sign);
  cryptoRoute(ENDPOINTS.verify, 'kms.verify', ops.verify);
  cryptoRoute(ENDPOINTS.hmac, 'kms.hmac', ops.hmac);
  cryptoRoute(ENDPOINTS.verifyHmac, 'kms.verify_hmac', ops.verifyHmac);
  cryptoRoute(ENDPOINTS.exportKey, 'kms.export', ops.exportKey);

  route(ENDPOINTS.publicKey, async (c) => {
    const { key } = ctx.keyRequest(c);
    const query = ENDPOINTS.publicKey.query.safeParse({ version: c.req.query('version') });
    if (!query.success) throw badRequest(formatZodError(query.error));
    const wanted = query.data.version !== undefined ? Number(query.data.version) : undefined;
    return c.json(ops.publicKeys(key, store.publicKeys(key.identity), wanted));
  });
}
