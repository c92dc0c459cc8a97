import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Emulator settings: organisations (with their projects and whether KMS is on) and regions
 * (with whether KMS is available there). The defaults give one usable organisation with two
 * projects, two available regions, one region without KMS (503) and one organisation without
 * KMS (403), so every error path can be seen. A JSON file (`--config`) replaces them.
 */
const identitySchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"');

const projectConfigSchema = z.object({
  identity: identitySchema,
  slug: identitySchema,
  name: z.string().min(1).max(255),
});

const organisationConfigSchema = z.object({
  identity: identitySchema,
  slug: identitySchema,
  name: z.string().min(1).max(255),
  kmsEnabled: z.boolean().default(true),
  projects: z.array(projectConfigSchema).default([]),
});

const regionConfigSchema = z.object({
  identity: identitySchema,
  slug: identitySchema,
  name: z.string().min(1).max(255),
  kmsAvailable: z.boolean().default(true),
});

function uniqueBy<T>(items: T[], pick: (item: T) => string[]): boolean {
  const seen = new Set<string>();
  for (const item of items) {
    for (const value of new Set(pick(item))) {
      if (seen.has(value)) return false;
      seen.add(value);
    }
  }
  return true;
}

export const emulatorConfigSchema = z
  .object({
    organisations: z
      .array(organisationConfigSchema)
      .min(1)
      .refine((orgs) => uniqueBy(orgs, (o) => [o.identity, o.slug]), {
        message: 'organisation identities and slugs must be unique',
      })
      .refine((orgs) => orgs.every((o) => uniqueBy(o.projects, (p) => [p.identity, p.slug])), {
        message: 'project identities and slugs must be unique within an organisation',
      }),
    regions: z
      .array(regionConfigSchema)
      .min(1)
      .refine((regions) => uniqueBy(regions, (r) => [r.identity, r.slug]), {
        message: 'region identities and slugs must be unique',
      }),
  })
  .strict();

export type EmulatorConfig = z.infer<typeof emulatorConfigSchema>;
export type OrganisationConfig = EmulatorConfig['organisations'][number];
export type ProjectConfig = OrganisationConfig['projects'][number];
export type RegionConfig = EmulatorConfig['regions'][number];

export const DEFAULT_CONFIG: EmulatorConfig = {
  organisations: [
    {
      identity: 'org-local',
      slug: 'local',
      name: 'Local organisation',
      kmsEnabled: true,
      projects: [
        { identity: 'proj-web', slug: 'web', name: 'Web' },
        { identity: 'proj-ci', slug: 'ci', name: 'CI' },
      ],
    },
    {
      identity: 'org-nokms',
      slug: 'nokms',
      name: 'Organisation without KMS',
      kmsEnabled: false,
      projects: [],
    },
  ],
  regions: [
    { identity: 'nl-01', slug: 'nl-01', name: 'Netherlands 01', kmsAvailable: true },
    { identity: 'nl-02', slug: 'nl-02', name: 'Netherlands 02', kmsAvailable: true },
    { identity: 'de-01', slug: 'de-01', name: 'Germany 01', kmsAvailable: false },
  ],
};

/** Loads and validates a JSON config file; throws an Error naming the bad field. */
export function loadConfig(path: string | undefined): EmulatorConfig {
  if (path === undefined) return DEFAULT_CONFIG;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `Cannot read config file ${path}: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  const parsed = emulatorConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new Error(`Invalid config file ${path}: ${where}${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Finds by identity first, then by slug. */
export function findByIdentityOrSlug<T extends { identity: string; slug: string }>(
  items: readonly T[],
  value: string,
): T | undefined {
  return items.find((i) => i.identity === value) ?? items.find((i) => i.slug === value);
}
