import type { KeyStatus, KeyType } from '../../src/contract/index';

/** One key of the `--demo` set, described by what a reader of the console would see. */
export interface DemoKey {
  regionIndex: 0 | 1;
  /** Index into the organisation's projects; undefined for an organisation-scoped key. */
  projectIndex?: number;
  name: string;
  keyType: KeyType;
  description?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  /** How many versions, spread evenly from creation to ten days ago. */
  versions: number;
  ageDays: number;
  rotationPeriodDays?: number;
  rotationEnabled?: boolean;
  minDecryptionVersion?: number;
  status?: KeyStatus;
  /** Days ago the key was scheduled for deletion (pending_deletion only). */
  deletedDaysAgo?: number;
  exportAllowed?: boolean;
  imported?: boolean;
  allowRotation?: boolean;
  /** Recent crypto calls in the audit log, one every three hours back from now. */
  usage?: number;
}

/** The `--demo` set: both regions, organisation and project scopes, every status. */
export const DEMO_KEYS: readonly DemoKey[] = [
  {
    regionIndex: 0,
    name: 'Payments database',
    keyType: 'aes256-gcm96',
    description: 'Envelope key for the payments PostgreSQL cluster',
    labels: { team: 'payments', env: 'production' },
    annotations: {
      'thalassa.cloud/owner': 'payments@example.com',
      runbook: 'https://wiki.example.com/kms/payments',
    },
    versions: 4,
    ageDays: 400,
    rotationEnabled: true,
    rotationPeriodDays: 90,
    usage: 6,
  },
  {
    regionIndex: 0,
    name: 'Customer PII archive',
    keyType: 'aes256-gcm96',
    description: 'Rotated monthly; versions before 30 were retired after re-encryption',
    labels: { team: 'data', env: 'production', compliance: 'gdpr' },
    annotations: { 'example.com/reencrypted-at': '2026-06-01' },
    versions: 40,
    ageDays: 1200,
    rotationEnabled: true,
    rotationPeriodDays: 30,
    minDecryptionVersion: 30,
    usage: 3,
  },
  {
    regionIndex: 0,
    name: 'Release signing',
    keyType: 'ecdsa-p256',
    description: 'Signs release artefacts and container images',
    labels: { team: 'platform', env: 'production' },
    versions: 2,
    ageDays: 300,
    usage: 2,
  },
  {
    regionIndex: 0,
    name: 'Webhook HMAC',
    keyType: 'hmac-sha256',
    labels: { team: 'integrations', env: 'production' },
    versions: 1,
    ageDays: 120,
    usage: 4,
  },
  {
    regionIndex: 0,
    name: 'Legacy backup key',
    keyType: 'aes128-gcm96',
    description: 'Kept for restoring backups taken before 2025',
    labels: { team: 'ops', env: 'legacy' },
    versions: 1,
    ageDays: 900,
    status: 'disabled',
  },
  {
    regionIndex: 0,
    name: 'Old reporting key',
    keyType: 'chacha20-poly1305',
    labels: { team: 'data', env: 'staging' },
    versions: 2,
    ageDays: 500,
    status: 'pending_deletion',
    deletedDaysAgo: 10,
  },
  {
    regionIndex: 0,
    name: 'Imported HSM key',
    keyType: 'aes256-gcm96',
    description: 'Material generated in the on-premises HSM and imported with BYOK',
    labels: { team: 'security', source: 'byok' },
    annotations: { 'example.com/hsm-label': 'prod-hsm-01/kek-7' },
    versions: 1,
    ageDays: 60,
    imported: true,
    allowRotation: false,
  },
  {
    regionIndex: 0,
    name: 'Data export key',
    keyType: 'aes256-gcm96',
    description: 'Exportable: shared with the offline analytics enclave',
    labels: { team: 'data', env: 'production' },
    versions: 1,
    ageDays: 30,
    exportAllowed: true,
  },
  {
    regionIndex: 0,
    projectIndex: 0,
    name: 'Web session tokens',
    keyType: 'ed25519',
    description: 'Signs session JWTs for the web front end',
    labels: { app: 'web', env: 'production' },
    versions: 3,
    ageDays: 200,
    rotationEnabled: true,
    rotationPeriodDays: 60,
    usage: 5,
  },
  {
    regionIndex: 0,
    projectIndex: 0,
    name: 'Web cookie encryption',
    keyType: 'chacha20-poly1305',
    labels: { app: 'web' },
    versions: 1,
    ageDays: 45,
  },
  {
    regionIndex: 1,
    name: 'DNSSEC zone key',
    keyType: 'rsa-2048',
    description: 'Zone-signing key for example.com',
    labels: { team: 'platform', service: 'dnssec' },
    versions: 1,
    ageDays: 150,
  },
  {
    regionIndex: 1,
    name: 'Backups nl-02',
    keyType: 'aes256-gcm96',
    labels: { team: 'ops', env: 'production' },
    versions: 2,
    ageDays: 500,
    rotationEnabled: true,
    rotationPeriodDays: 365,
  },
  {
    regionIndex: 1,
    projectIndex: 1,
    name: 'CI artefact signing',
    keyType: 'ecdsa-p384',
    labels: { app: 'ci' },
    versions: 1,
    ageDays: 20,
    usage: 1,
  },
];
