import { z } from 'zod';
import { AUDIT_ACTION_GROUPS, AUDIT_ACTIONS } from '../../src/contract/index';
import type { AuditAction } from '../../src/contract/index';
import { apiActor, auditInput, SCHEDULER_ACTOR } from './audit';
import type { AuditContext, AuditInput, KeyRef } from './audit';
import { HOUR_MS } from './clock';

/** Body of `POST /_emulator/seed-audit` (test controls only). */
export const MAX_SEED_AUDIT_EVENTS = 200_000;
export const seedAuditSchema = z.object({
  count: z.number().int().min(1).max(MAX_SEED_AUDIT_EVENTS),
  keyIdentities: z.array(z.string().min(1).max(255)).min(1).max(1000).optional(),
  region: z.string().min(1).max(255).optional(),
  spanHours: z
    .number()
    .positive()
    .max(24 * 3650)
    .optional(),
});

export const DEFAULT_SEED_SPAN_HOURS = 720;
export const SEED_USER_AGENT = 'kms-emulator-seed';
const SYNTHETIC_KEYS = 25;

/** A key events are attributed to, with where it lives. */
export interface SeedTarget {
  key: KeyRef;
  region: string;
  project: string;
}

/** Synthetic keys `kms-seed-00`..`kms-seed-24` ("Seed key 07", slug seed-key-07). */
export function syntheticSeedTargets(region: string): SeedTarget[] {
  return Array.from({ length: SYNTHETIC_KEYS }, (_, i) => {
    const n = String(i).padStart(2, '0');
    return {
      key: { identity: `kms-seed-${n}`, name: `Seed key ${n}`, slug: `seed-key-${n}` },
      region,
      project: '',
    };
  });
}

/** Actions whose records name a key version: rotations, crypto operations and export. */
const VERSIONED: ReadonlySet<AuditAction> = new Set([
  'kms.rotate',
  'kms.rotate.scheduled',
  ...AUDIT_ACTION_GROUPS.crypto,
  ...AUDIT_ACTION_GROUPS.export,
]);
const SCHEDULED: ReadonlySet<AuditAction> = new Set(['kms.rotate.scheduled', 'kms.purge']);

/**
 * Event `i` of `count`, spread evenly over `spanHours` ending at `now` (the last one at `now`):
 * actions cycle through AUDIT_ACTIONS, every 10th is a 400 failure with a reason, keys cycle
 * through `targets`.
 */
export function seedAuditEvent(
  i: number,
  count: number,
  org: string,
  targets: readonly SeedTarget[],
  now: Date,
  spanHours: number,
): AuditInput {
  const span = spanHours * HOUR_MS;
  const time = new Date(now.getTime() - span + Math.round(((i + 1) * span) / count));
  const action = AUDIT_ACTIONS[i % AUDIT_ACTIONS.length] ?? 'kms.encrypt';
  const target = targets[i % targets.length] ?? targets[0];
  if (!target) throw new Error('seedAuditEvent needs at least one target');
  const failed = i % 10 === 9;
  const ctx: AuditContext = {
    scope: { org, project: target.project },
    region: target.region,
    actor: SCHEDULED.has(action) ? SCHEDULER_ACTOR : apiActor(SEED_USER_AGENT),
  };
  return auditInput(ctx, {
    action,
    key: target.key,
    status: failed ? 400 : action === 'kms.create' ? 201 : 200,
    time,
    keyVersion:
      action === 'kms.create' ? 1 : VERSIONED.has(action) ? 1 + (Math.floor(i / 16) % 3) : null,
    ...(failed ? { reason: `Seeded failure ${i + 1}: the request was refused` } : {}),
  });
}
