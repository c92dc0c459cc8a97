import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AuditAction } from '../../../src/contract/index';
import { apiActor, auditInput } from '../audit';
import type { AuditActor, AuditContext } from '../audit';
import type { Clock } from '../clock';
import type { EmulatorConfig, OrganisationConfig, ProjectConfig, RegionConfig } from '../config';
import { findByIdentityOrSlug } from '../config';
import type { KeyRecord, Scope, Store } from '../store/store';
import { bodyText } from './body-limit';
import { badRequest, HttpError, notFound, refusalOf } from './errors';

/** The caller's organisation and project scope, after the token and headers were checked. */
export interface RequestScope {
  org: OrganisationConfig;
  project: ProjectConfig | undefined;
  scope: Scope;
  /** The caller as audit records name it. */
  actor: AuditActor;
}

export interface RegionRequest extends RequestScope {
  region: RegionConfig;
  audit: AuditContext;
}

export interface KeyRequest extends RegionRequest {
  key: KeyRecord;
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** `Authorization: Bearer <token>` or `Token <token>`; constant-time comparison. */
export function tokenChecker(expected: string): (header: string | undefined) => boolean {
  const expectedHash = sha256(expected);
  return (header) => {
    const match = /^(?:Bearer|Token)[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
    if (!match || match[1] === undefined) return false;
    return timingSafeEqual(sha256(match[1]), expectedHash);
  };
}

export function formatZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path === '' ? issue.message : `${path}: ${issue.message}`;
    })
    .join('; ');
}

/** Reads the JSON body and validates it; 400 naming the field on any problem. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let text: string;
  try {
    text = await bodyText(c);
  } catch {
    throw badRequest('The request body could not be read');
  }
  let value: unknown = {};
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      throw badRequest('The request body is not valid JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('The request body must be a JSON object');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest(formatZodError(parsed.error));
  return parsed.data;
}

export type RequestContext = ReturnType<typeof createRequestContext>;

/** The token, organisation, project, feature-gate and region checks, in that order. */
function createScopeChecks(config: EmulatorConfig, token: string) {
  const tokenMatches = tokenChecker(token);

  function authenticate(c: Context): void {
    if (!tokenMatches(c.req.header('authorization'))) {
      throw new HttpError(401, 'Missing or invalid token: send Authorization: Bearer <token>');
    }
  }

  function scopeOf(c: Context): RequestScope {
    authenticate(c);
    const orgHeader = c.req.header('x-organisation-identity')?.trim();
    if (!orgHeader) throw badRequest('The X-Organisation-Identity header is required');
    const org = findByIdentityOrSlug(config.organisations, orgHeader);
    if (!org) throw notFound(`Organisation "${orgHeader}" not found`);
    const projectHeader = c.req.header('x-project-identity')?.trim();
    let project: ProjectConfig | undefined;
    if (projectHeader) {
      project = findByIdentityOrSlug(org.projects, projectHeader);
      if (!project)
        throw notFound(`Project "${projectHeader}" not found in organisation ${org.identity}`);
    }
    return {
      org,
      project,
      scope: { org: org.identity, project: project?.identity ?? '' },
      actor: apiActor(c.req.header('user-agent')),
    };
  }

  function requireFeature(req: RequestScope): void {
    if (!req.org.kmsEnabled) throw new HttpError(403, 'KMS is not enabled for this organisation');
  }

  function resolveRegion(req: RequestScope, name: string): RegionRequest {
    const region = findByIdentityOrSlug(config.regions, name);
    if (!region) throw notFound(`Region "${name}" not found`);
    if (!region.kmsAvailable)
      throw new HttpError(503, `KMS is not available in region ${region.slug}`);
    return {
      ...req,
      region,
      audit: { scope: req.scope, region: region.identity, actor: req.actor },
    };
  }

  function regionRequest(c: Context, regionName = c.req.param('region') ?? ''): RegionRequest {
    const req = scopeOf(c);
    requireFeature(req);
    return resolveRegion(req, regionName);
  }

  return { authenticate, scopeOf, requireFeature, resolveRegion, regionRequest };
}

/** The audit of key operations: failures recorded with their reason, successes before the answer. */
function createKeyAudit(store: Store, clock: Clock) {
  /**
   * Runs a key operation; a refusal is recorded in the audit log as a failure, with the message
   * the caller gets as its reason, before the error answer leaves.
   */
  async function audited<T>(
    req: KeyRequest,
    action: AuditAction,
    run: () => T | Promise<T>,
  ): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal !== undefined && refusal.status < 500) {
        await store.recordAudit(
          auditInput(req.audit, { action, key: req.key, time: clock.now(), ...refusal }),
        );
      }
      throw error;
    }
  }

  /** Records a successful operation; awaited before its answer is sent. */
  const success = (req: KeyRequest, action: AuditAction, keyVersion?: number) =>
    store.recordAudit(
      auditInput(req.audit, { action, key: req.key, status: 200, time: clock.now(), keyVersion }),
    );

  return { audited, success };
}

/**
 * Who is asking and for what, checked in the order of docs/emulator.md ("Request checks"):
 * token, organisation, project, feature gate, region, key. And the audit of key operations.
 */
export function createRequestContext(deps: {
  config: EmulatorConfig;
  store: Store;
  clock: Clock;
  token: string;
}) {
  const checks = createScopeChecks(deps.config, deps.token);

  function keyRequest(c: Context): KeyRequest {
    const req = checks.regionRequest(c);
    const id = c.req.param('id') ?? '';
    const key = deps.store.findKey(req.scope, req.region.identity, id);
    if (!key) throw notFound(`Key "${id}" not found`);
    return { ...req, key };
  }

  return { ...checks, keyRequest, ...createKeyAudit(deps.store, deps.clock) };
}
