import { ENDPOINTS } from '../../../src/contract/index';
import type { EndpointName } from '../../../src/contract/index';
import { STATUS_CHANGE_ACTION } from '../domain/lifecycle';
import type { StatusChange } from '../domain/lifecycle';
import { readBody } from './context';
import type { RouteDeps } from './route-deps';

const STATUS_ENDPOINTS: Record<StatusChange, EndpointName> = {
  delete: 'deleteKey',
  'cancel-deletion': 'cancelDeletion',
  disable: 'disableKey',
  enable: 'enableKey',
};

/** Delete (schedule), cancel deletion, disable, enable, rotate, rotation settings. */
export function registerLifecycleRoutes({ route, ctx, service }: RouteDeps): void {
  for (const [change, endpoint] of Object.entries(STATUS_ENDPOINTS) as [
    StatusChange,
    EndpointName,
  ][]) {
    route(ENDPOINTS[endpoint], async (c) => {
      const req = ctx.keyRequest(c);
      const updated = await ctx.audited(req, STATUS_CHANGE_ACTION[change], () =>
        service.changeStatus(req.key, change, req.audit),
      );
      return c.json(service.apiKey(updated));
    });
  }

  route(ENDPOINTS.rotateKey, async (c) => {
    const req = ctx.keyRequest(c);
    const updated = await ctx.audited(req, 'kms.rotate', () =>
      service.rotate(req.key, req.audit, 'kms.rotate'),
    );
    return c.json(service.apiKey(updated));
  });

  route(ENDPOINTS.updateRotation, async (c) => {
    const req = ctx.keyRequest(c);
    const updated = await ctx.audited(req, 'kms.update_rotation', async () => {
      const body = await readBody(c, ENDPOINTS.updateRotation.body);
      return service.updateRotation(req.key, body, req.audit);
    });
    return c.json(service.apiKey(updated));
  });
}
