import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import {
  DEFAULT_HASH_ALGORITHM,
  ENDPOINTS,
  formatThalassaString,
  HASH_LENGTH,
  KEY_TYPE_INFO,
  keyListFiltersFromSearchParams,
  MAX_BODY_BYTES,
  parseThalassaString,
  supports,
  WRAPPING_KEY_ALGORITHM,
} from '../../src/contract/index';
import type {
  AuditAction,
  HashAlgorithm,
  Key,
  KeyOperation,
  RegionSummary,
} from '../../src/contract/index';
import { apiActor, auditInput } from './audit';
import type { AuditActor, AuditContext } from './audit';
import { registerAuditRoute } from './audit-route';
import type { Clock } from './clock';
import type { EmulatorConfig, OrganisationConfig, ProjectConfig, RegionConfig } from './config';
import { findByIdentityOrSlug } from './config';
import * as kmsCrypto from './crypto/index';
import { badRequest, HttpError, notFound } from './errors';
import type { Scheduler } from './scheduler';
import type { KeyService } from './service';
import type { KeyPatch, KeyRecord, Scope, Store } from './store/store';
import { KeyGoneError } from './store/store';
import { registerTestControls } from './test-controls';

export interface AppDeps {
  store: Store;
  clock: Clock;
  config: EmulatorConfig;
  service: KeyService;
  scheduler: Scheduler;
  token: string;
  log: (line: string) => void;
  testControls: boolean;
  /** Called after the clock moved (to persist the offset). */
  onClockAdvanced?: () => void;
}

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
    text = await c.req.text();
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

const toHonoPath = (template: string) => template.replace(/\{(\w+)\}/g, ':$1');

export function createApp(deps: AppDeps): Hono {
  const { store, clock, config, service, log } = deps;
  const tokenMatches = tokenChecker(deps.token);
  const app = new Hono();

  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        c.json({ message: `Request body is larger than ${MAX_BODY_BYTES} bytes` }, 413),
    }),
  );

  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json({ message: error.message }, error.status);
    if (error instanceof kmsCrypto.CryptoInputError) return c.json({ message: error.message }, 400);
    if (error instanceof KeyGoneError) return c.json({ message: 'Key not found' }, 404);
    // A real bug: log what and where, never the body.
    log(`internal error on ${c.req.method} ${c.req.routePath}: ${error.stack ?? String(error)}`);
    return c.json({ message: 'Internal error in the emulator' }, 500);
  });
  app.notFound((c) => c.json({ message: `No route for ${c.req.method} ${c.req.path}` }, 404));

  // --- request context, in the check order of docs/emulator.md, "Request checks" ---

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

  function keyRequest(c: Context): KeyRequest {
    const req = regionRequest(c);
    const id = c.req.param('id') ?? '';
    const key = store.findKey(req.scope, req.region.identity, id);
    if (!key) throw notFound(`Key "${id}" not found`);
    return { ...req, key };
  }

  /** Status and message a refusal answers with; undefined for a real error (500). */
  function refusalOf(error: unknown): { status: number; reason: string } | undefined {
    if (error instanceof HttpError) return { status: error.status, reason: error.message };
    if (error instanceof kmsCrypto.CryptoInputError) return { status: 400, reason: error.message };
    if (error instanceof KeyGoneError) return { status: 404, reason: 'Key not found' };
    return undefined;
  }

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

  // --- key checks shared by the crypto endpoints ---

  function requireOperation(key: KeyRecord, op: KeyOperation): void {
    if (!supports(key.keyType, op)) throw badRequest(`${key.keyType} keys do not support ${op}`);
  }

  function requireActive(key: KeyRecord, what: string): void {
    if (key.status !== 'active')
      throw badRequest(`Only active keys can ${what}; this key is ${key.status}`);
  }

  /** A version named by the client: it must exist and be >= minDecryptionVersion. */
  function usableVersion(key: KeyRecord, version: number, field: string): number {
    if (!Number.isSafeInteger(version) || version < 1 || version > key.latestVersion) {
      throw badRequest(
        `${field}: key version ${version} does not exist (latest is ${key.latestVersion})`,
      );
    }
    if (version < key.minDecryptionVersion) {
      throw badRequest(
        `${field}: key version ${version} is below minDecryptionVersion ${key.minDecryptionVersion} and can no longer be used`,
      );
    }
    return version;
  }

  function thalassaVersion(
    key: KeyRecord,
    value: string,
    field: string,
  ): { version: number; payload: Buffer } {
    const parsed = parseThalassaString(value);
    if (!parsed) throw badRequest(`${field}: must be of the form thalassa:v<N>:<base64>`);
    return {
      version: usableVersion(key, parsed.version, field),
      payload: Buffer.from(parsed.payload, 'base64'),
    };
  }

  function materialOf(key: KeyRecord, version: number): Buffer {
    const material = store.openMaterial(key.identity, version);
    if (!material) throw badRequest(`Key version ${version} does not exist`);
    return material;
  }

  function checkPrehashed(
    key: KeyRecord,
    input: Buffer,
    hash: HashAlgorithm,
    prehashed: boolean | undefined,
  ): void {
    if (!prehashed) return;
    if (KEY_TYPE_INFO[key.keyType].family === 'ed25519') {
      throw badRequest(
        'prehashed: Ed25519 signs the message itself; prehashed input is not supported',
      );
    }
    if (input.length !== HASH_LENGTH[hash]) {
      throw badRequest(
        `input: a prehashed input must be the ${HASH_LENGTH[hash]}-byte ${hash} digest`,
      );
    }
  }

  /** Records a successful operation; called before its answer is built. */
  const success = (req: KeyRequest, action: AuditAction, keyVersion?: number) =>
    store.recordAudit(
      auditInput(req.audit, { action, key: req.key, status: 200, time: clock.now(), keyVersion }),
    );

  // --- routes ---

  type Handler = (c: Context) => Promise<Response>;
  const allowed = new Map<string, string[]>();
  const route = (spec: { method: string; path: string }, handler: Handler) => {
    const path = toHonoPath(spec.path);
    app.on(spec.method, path, handler);
    allowed.set(path, [...(allowed.get(path) ?? []), spec.method]);
  };
  const keyJson = (c: Context, key: Key, status: 200 | 201 = 200) => c.json(key, status);

  route(ENDPOINTS.summary, async (c) => {
    const req = scopeOf(c);
    if (!req.org.kmsEnabled) return c.json({ featureEnabled: false, regions: [] });
    const counts = store.countsByRegion(req.scope);
    const regions: RegionSummary[] = config.regions.map((r) => {
      const n = counts.get(r.identity);
      return {
        identity: r.identity,
        name: r.name,
        slug: r.slug,
        kmsAvailable: r.kmsAvailable,
        totalKeys: n?.total ?? 0,
        activeKeys: n?.active ?? 0,
        disabledKeys: n?.disabled ?? 0,
        pendingDeletionKeys: n?.pendingDeletion ?? 0,
      };
    });
    return c.json({ featureEnabled: true, regions });
  });

  route(ENDPOINTS.listKeys, async (c) => {
    const req = regionRequest(c);
    const filters = keyListFiltersFromSearchParams(new URL(c.req.url).searchParams);
    if (!filters.success) throw badRequest(formatZodError(filters.error));
    const items = store.listKeys(req.scope, req.region.identity, filters.data);
    return c.json(items.map(({ key, versions }) => service.toApiKey(key, versions)));
  });

  route(ENDPOINTS.createKey, async (c) => {
    const req = regionRequest(c);
    const body = await readBody(c, ENDPOINTS.createKey.body);
    const key = await service.createKey({ ...req.audit, region: req.region.identity }, body);
    return keyJson(c, service.apiKey(key), 201);
  });

  route(ENDPOINTS.getKey, async (c) => keyJson(c, service.apiKey(keyRequest(c).key)));

  /** A status change checked and applied in one transaction. */
  const transition =
    (action: AuditAction, change: (key: KeyRecord, now: Date) => KeyPatch) =>
    async (c: Context) => {
      const req = keyRequest(c);
      const updated = await audited(req, action, () => {
        const now = clock.now();
        return store.mutateKey(
          req.key.identity,
          (current) => change(current, now),
          now.toISOString(),
          auditInput(req.audit, { action, key: req.key, status: 200, time: now }),
        );
      });
      return keyJson(c, service.apiKey(updated));
    };

  route(
    ENDPOINTS.deleteKey,
    transition('kms.delete', (key, now) => {
      if (key.status === 'pending_deletion')
        throw badRequest('The key is already pending deletion');
      return { status: 'pending_deletion', deletionScheduledAt: service.deletionDate(now) };
    }),
  );
  route(
    ENDPOINTS.cancelDeletion,
    transition('kms.cancel_deletion', (key) => {
      if (key.status !== 'pending_deletion')
        throw badRequest(`Only a key pending deletion can be restored; this key is ${key.status}`);
      return { status: 'active', deletionScheduledAt: null };
    }),
  );
  route(
    ENDPOINTS.disableKey,
    transition('kms.disable', (key) => {
      if (key.status !== 'active')
        throw badRequest(`Only active keys can be disabled; this key is ${key.status}`);
      return { status: 'disabled' };
    }),
  );
  route(
    ENDPOINTS.enableKey,
    transition('kms.enable', (key) => {
      if (key.status !== 'disabled')
        throw badRequest(`Only disabled keys can be enabled; this key is ${key.status}`);
      return { status: 'active' };
    }),
  );

  route(ENDPOINTS.rotateKey, async (c) => {
    const req = keyRequest(c);
    const updated = await audited(req, 'kms.rotate', () =>
      service.rotate(req.key, req.audit, 'kms.rotate'),
    );
    return keyJson(c, service.apiKey(updated));
  });

  route(ENDPOINTS.updateRotation, async (c) => {
    const req = keyRequest(c);
    const action = 'kms.update_rotation';
    const updated = await audited(req, action, async () => {
      const body = await readBody(c, ENDPOINTS.updateRotation.body);
      const now = clock.now();
      if (body.keyRotationEnabled === undefined && body.rotationPeriodInDays === undefined) {
        // `{}` changes nothing (Terraform sends it): the unchanged key, objectVersion kept.
        await success(req, action);
        return req.key;
      }
      return store.mutateKey(
        req.key.identity,
        (current) => {
          const enabled = body.keyRotationEnabled ?? current.rotationEnabled;
          const period = body.rotationPeriodInDays ?? current.rotationPeriodDays;
          if (enabled && period === null) {
            throw badRequest(
              'rotationPeriodInDays: a rotation period is required when rotation is enabled',
            );
          }
          if (body.keyRotationEnabled === true && current.imported && !current.allowRotation) {
            throw badRequest(
              'keyRotationEnabled: this imported key was created without allowRotation',
            );
          }
          return { rotationEnabled: enabled, rotationPeriodDays: period };
        },
        now.toISOString(),
        auditInput(req.audit, { action, key: req.key, status: 200, time: now }),
      );
    });
    return keyJson(c, service.apiKey(updated));
  });

  route(ENDPOINTS.encrypt, async (c) => {
    const req = keyRequest(c);
    const { key } = req;
    return audited(req, 'kms.encrypt', async () => {
      const body = await readBody(c, ENDPOINTS.encrypt.body);
      requireOperation(key, 'encrypt');
      requireActive(key, 'encrypt');
      const version =
        body.keyVersion !== undefined
          ? usableVersion(key, Number(body.keyVersion), 'keyVersion')
          : key.latestVersion;
      const plaintext = Buffer.from(body.plaintext, 'base64');
      const max = KEY_TYPE_INFO[key.keyType].maxPlaintextBytes;
      if (max !== null && plaintext.length > max) {
        throw badRequest(
          `plaintext: ${key.keyType} keys encrypt at most ${max} bytes (got ${plaintext.length})`,
        );
      }
      const payload = kmsCrypto.encrypt(key.keyType, materialOf(key, version), plaintext);
      await success(req, 'kms.encrypt', version);
      return c.json({
        ciphertext: formatThalassaString(version, payload.toString('base64')),
        keyVersion: String(version),
      });
    });
  });

  route(ENDPOINTS.decrypt, async (c) => {
    const req = keyRequest(c);
    const { key } = req;
    return audited(req, 'kms.decrypt', async () => {
      const body = await readBody(c, ENDPOINTS.decrypt.body);
      requireOperation(key, 'decrypt');
      requireActive(key, 'decrypt');
      const { version, payload } = thalassaVersion(key, body.ciphertext, 'ciphertext');
      const plaintext = kmsCrypto.decrypt(key.keyType, materialOf(key, version), payload);
      await success(req, 'kms.decrypt', version);
      return c.json({ plaintext: plaintext.toString('base64'), keyVersion: String(version) });
    });
  });

  route(ENDPOINTS.sign, async (c) => {
    const req = keyRequest(c);
    const { key } = req;
    return audited(req, 'kms.sign', async () => {
      const body = await readBody(c, ENDPOINTS.sign.body);
      requireOperation(key, 'sign');
      requireActive(key, 'sign');
      if (body.context !== undefined && body.context !== '') {
        throw badRequest('context: Ed25519ctx is not offered; send no context');
      }
      const hash = body.hashAlgorithm ?? DEFAULT_HASH_ALGORITHM;
      const input = Buffer.from(body.input, 'base64');
      checkPrehashed(key, input, hash, body.prehashed);
      const version =
        body.keyVersion !== undefined
          ? usableVersion(key, Number(body.keyVersion), 'keyVersion')
          : key.latestVersion;
      const signature = kmsCrypto.sign(key.keyType, materialOf(key, version), input, {
        hashAlgorithm: hash,
        prehashed: body.prehashed ?? false,
      });
      await success(req, 'kms.sign', version);
      return c.json({
        signature: formatThalassaString(version, signature.toString('base64')),
        keyVersion: String(version),
      });
    });
  });

  route(ENDPOINTS.verify, async (c) => {
    const req = keyRequest(c);
    const { key } = req;
    return audited(req, 'kms.verify', async () => {
      const body = await readBody(c, ENDPOINTS.verify.body);
      requireOperation(key, 'verify');
      requireActive(key, 'verify');
      const hash = body.hashAlgorithm ?? DEFAULT_HASH_ALGORITHM;
      const input = Buffer.from(body.input, 'base64');
      checkPrehashed(key, input, hash, body.prehashed);
      const { version, payload } = thalassaVersion(key, body.signature, 'signature');
      const valid = kmsCrypto.verify(key.keyType, materialOf(key, version), input, payload, {
        hashAlgorithm: hash,
        prehashed: body.prehashed ?? false,
      });
      await success(req, 'kms.verify', version);
      return c.json({ valid });
    });
  });

  function requireHmacHash(key: KeyRecord, field: string, value: HashAlgorithm | undefined): void {
    const fixed = KEY_TYPE_INFO[key.keyType].hmacHash;
    if (value !== undefined && value !== fixed) {
      throw badRequest(`${field}: ${key.keyType} keys use ${fixed ?? 'no hash'}, not ${value}`);
    }
  }

  route(ENDPOINTS.hmac, async (c) => {
    const req = keyRequest(c);
    const { key } = req;
    return audited(req, 'kms.hmac', async () => {
      const body = await readBody(c, ENDPOINTS.hmac.body);
      requireOperation(key, 'hmac');
      requireActive(key, 'compute an HMAC');
      requireHmacHash(key, 'algorithm', body.algorithm);
      const version =
        body.keyVersion !== undefined
          ? usableVersion(key, Number(body.keyVersion), 'keyVersion')
          : key.latestVersion;
      const tag = kmsCrypto.hmac(
        key.keyType,
        materialOf(key, version),
        Buffer.from(body.input, 'base64'),
      );
      await success(req, 'kms.hmac', version);
      return c.json({
        hmac: formatThalassaString(version, tag.toString('base64')),
        keyVersion: String(version),
      });
    });
  });

  route(ENDPOINTS.verifyHmac, async (c) => {
    const req = keyRequest(c);
    const { key } = req;
    return audited(req, 'kms.verify_hmac', async () => {
      const body = await readBody(c, ENDPOINTS.verifyHmac.body);
      requireOperation(key, 'verify-hmac');
      requireActive(key, 'verify an HMAC');
      requireHmacHash(key, 'hashAlgorithm', body.hashAlgorithm);
      const { version, payload } = thalassaVersion(key, body.hmac, 'hmac');
      const valid = kmsCrypto.verifyHmac(
        key.keyType,
        materialOf(key, version),
        Buffer.from(body.input, 'base64'),
        payload,
      );
      await success(req, 'kms.verify_hmac', version);
      return c.json({ valid, keyVersion: String(version) });
    });
  });

  route(ENDPOINTS.publicKey, async (c) => {
    const req = keyRequest(c);
    const { key } = req;
    const query = ENDPOINTS.publicKey.query.safeParse({ version: c.req.query('version') });
    if (!query.success) throw badRequest(formatZodError(query.error));
    requireOperation(key, 'public-key');
    const wanted = query.data.version !== undefined ? Number(query.data.version) : undefined;
    if (wanted !== undefined && wanted > key.latestVersion) {
      throw badRequest(
        `version: key version ${wanted} does not exist (latest is ${key.latestVersion})`,
      );
    }
    const keys: Record<string, string> = {};
    for (const { version, publicKey } of store.publicKeys(key.identity)) {
      if (wanted !== undefined && version !== wanted) continue;
      keys[String(version)] =
        publicKey ?? kmsCrypto.publicKeyOf(key.keyType, materialOf(key, version));
    }
    return c.json({ keys });
  });

  route(ENDPOINTS.exportKey, async (c) => {
    const req = keyRequest(c);
    const { key } = req;
    return audited(req, 'kms.export', async () => {
      const body = await readBody(c, ENDPOINTS.exportKey.body);
      if (!key.exportAllowed) {
        throw badRequest(
          'This key was created with exportAllowed: false, so its material cannot be exported',
        );
      }
      requireActive(key, 'be exported');
      const version =
        body.keyVersion !== undefined
          ? usableVersion(key, Number(body.keyVersion), 'keyVersion')
          : key.latestVersion;
      const material = materialOf(key, version);
      await success(req, 'kms.export', version);
      return c.json({ keyMaterial: material.toString('base64'), keyVersion: String(version) });
    });
  });

  route(ENDPOINTS.wrappingKey, async (c) => {
    const req = regionRequest(c);
    const pair = await service.wrappingKey(req.region.identity);
    return c.json({ publicKey: pair.publicKeyPem, algorithm: WRAPPING_KEY_ALGORITHM });
  });

  registerAuditRoute({ route, scopeOf, requireFeature, config, store, formatZodError });

  if (deps.testControls) {
    registerTestControls(app, {
      ...deps,
      route,
      authenticate,
      scopeOf,
      requireFeature,
      resolveRegion,
      readBody,
    });
  }

  // Known paths with another method: 405 with Allow.
  for (const [path, methods] of allowed) {
    app.all(path, (c) => {
      c.header('Allow', methods.join(', '));
      return c.json(
        { message: `Method ${c.req.method} is not allowed here; use ${methods.join(' or ')}` },
        405,
      );
    });
  }

  return app;
}
