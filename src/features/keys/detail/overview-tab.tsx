import { Check, Minus } from 'lucide-react';
import { Suspense } from 'react';
import { ErrorBoundary } from '@/components/errors/error-boundary';
import { InlineError } from '@/components/errors/error-panel';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { Skeleton } from '@/components/ui/skeleton';
import { LinkButton } from '@/components/ui/link-button';
import { KEY_TYPE_INFO, type Key, type KeyOperation } from '@/contract';
import { formatDateTime, formatRelative, pluralize } from '@/lib/format';
import { DetailList, FIXED_REASON, Muted, StringMap } from './detail-list';
import { ScopeBadge, StatusBadge } from './key-badges';
import { purgeDate, upcomingRotation } from './key-rules';
import { RecentActivity } from './recent-activity';
import shared from './detail-shared.module.css';
import styles from './overview-tab.module.css';

function When({ iso }: { iso: string | Date }) {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return (
    <span>
      <time dateTime={d.toISOString()}>{formatDateTime(d)}</time>{' '}
      <Muted>({formatRelative(d)})</Muted>
    </span>
  );
}

function YesNo({ value, yes = 'Yes', no = 'No' }: { value: boolean; yes?: string; no?: string }) {
  return <span>{value ? yes : no}</span>;
}

export function OverviewTab({
  kmsKey,
  region,
  onOpenTab,
}: {
  kmsKey: Key;
  region: string;
  onOpenTab: (tab: string) => void;
}) {
  const info = KEY_TYPE_INFO[kmsKey.keyType];
  const purge = purgeDate(kmsKey);
  const next = upcomingRotation(kmsKey);
  return (
    <div className={styles.overviewGrid}>
      <Card title="Status and lifecycle">
        <DetailList
          rows={[
            { label: 'Status', value: <StatusBadge status={kmsKey.status} /> },
            ...(purge ? [{ label: 'Purge', value: <When iso={purge} /> }] : []),
            {
              label: 'Identity',
              value: (
                <span className={styles.codeRow}>
                  <code>{kmsKey.identity}</code>
                  <CopyButton value={kmsKey.identity} label="identity" />
                </span>
              ),
            },
            {
              label: 'Slug',
              value: (
                <span className={styles.codeRow}>
                  <code>{kmsKey.slug}</code>
                  <CopyButton value={kmsKey.slug} label="slug" />
                </span>
              ),
            },
            { label: 'Scope', value: <ScopeBadge kmsKey={kmsKey} /> },
            {
              label: 'Organisation',
              value: kmsKey.organisation ? (
                <span>
                  {kmsKey.organisation.name} <Muted>({kmsKey.organisation.slug})</Muted>
                </span>
              ) : (
                <Muted>Not reported</Muted>
              ),
            },
            { label: 'Region', value: <code>{region}</code> },
            { label: 'Created', value: <When iso={kmsKey.createdAt} /> },
            { label: 'Updated', value: <When iso={kmsKey.updatedAt} /> },
            {
              label: 'Object version',
              value: (
                <span>
                  {kmsKey.objectVersion} <Muted>(+1 on every change)</Muted>
                </span>
              ),
            },
          ]}
        />
      </Card>

      <Card title="Fixed at creation">
        <p className={styles.cardIntro}>{FIXED_REASON} The lock marks each such field.</p>
        <DetailList
          rows={[
            { label: 'Name', value: kmsKey.name, isFixed: true },
            {
              label: 'Key type',
              value: (
                <span>
                  {info.label} <Muted>({kmsKey.keyType})</Muted>
                </span>
              ),
              isFixed: true,
            },
            {
              label: 'Description',
              value: kmsKey.description ? (
                <span className={styles.prewrap}>{kmsKey.description}</span>
              ) : (
                <Muted>None</Muted>
              ),
              isFixed: true,
            },
            {
              label: 'Labels',
              value: <StringMap map={kmsKey.labels} empty="None" />,
              isFixed: true,
            },
            {
              label: 'Annotations',
              value: <StringMap map={kmsKey.annotations} empty="None" />,
              isFixed: true,
            },
            {
              label: 'Export allowed',
              value: (
                <YesNo
                  value={kmsKey.exportAllowed}
                  yes="Yes: material can be exported (break-glass)"
                  no="No: the material never leaves KMS"
                />
              ),
              isFixed: true,
            },
            {
              label: 'Imported (BYOK)',
              value: (
                <YesNo
                  value={kmsKey.imported}
                  yes="Yes: material brought in by you"
                  no="No: generated by KMS"
                />
              ),
              isFixed: true,
            },
            ...(kmsKey.imported
              ? [
                  {
                    label: 'Rotation allowed',
                    value: (
                      <YesNo
                        value={kmsKey.allowRotation === true}
                        no="No: this imported key can never rotate"
                      />
                    ),
                    isFixed: true,
                  },
                ]
              : []),
          ]}
        />
      </Card>

      <Card
        title="Rotation and versions"
        actions={
          <Button size="small" variant="ghost" onClick={() => onOpenTab('rotation')}>
            Rotation settings
          </Button>
        }
      >
        <DetailList
          rows={[
            {
              label: 'Automatic rotation',
              value: kmsKey.keyRotationEnabled ? (
                <span>On, every {pluralize(kmsKey.rotationPeriodInDays ?? 0, 'day')}</span>
              ) : (
                <span>
                  Off
                  {kmsKey.rotationPeriodInDays !== undefined ? (
                    <Muted> (period kept: {pluralize(kmsKey.rotationPeriodInDays, 'day')})</Muted>
                  ) : null}
                </span>
              ),
            },
            {
              label: 'Next rotation',
              value: next ? (
                <When iso={next} />
              ) : (
                <Muted>
                  {kmsKey.status !== 'active' && kmsKey.keyRotationEnabled
                    ? `Paused while the key is ${kmsKey.status === 'disabled' ? 'disabled' : 'pending deletion'}`
                    : 'None scheduled'}
                </Muted>
              ),
            },
            {
              label: 'Latest version',
              value: (
                <span>
                  {kmsKey.latestVersion}{' '}
                  <Muted>
                    (used for new{' '}
                    {info.purpose === 'encrypt'
                      ? 'encryption'
                      : info.purpose === 'sign'
                        ? 'signatures'
                        : 'HMACs'}
                    )
                  </Muted>
                </span>
              ),
            },
            {
              label: 'Min. decryption version',
              value: (
                <span>
                  {kmsKey.minDecryptionVersion}{' '}
                  <Muted>
                    {kmsKey.minDecryptionVersion > 1
                      ? `(versions below ${kmsKey.minDecryptionVersion} are retired)`
                      : '(every version still works)'}
                  </Muted>
                </span>
              ),
            },
            {
              label: 'Versions',
              value: (
                <LinkButton isInline onClick={() => onOpenTab('versions')}>
                  {pluralize(kmsKey.versions.length, 'version')}: view history
                </LinkButton>
              ),
            },
          ]}
        />
      </Card>

      <Card title="What this key can do">
        <Capabilities kmsKey={kmsKey} />
      </Card>

      <Card title="Where it can be used">
        <Compatibility kmsKey={kmsKey} />
      </Card>

      <Card title="Recent activity">
        <ErrorBoundary
          resetKey={kmsKey.objectVersion}
          fallback={(error, reset) => (
            <div className={shared.stack}>
              <InlineError error={error} />
              <div>
                <Button size="small" onClick={reset}>
                  Try again
                </Button>
              </div>
            </div>
          )}
        >
          <Suspense
            fallback={
              <div
                className={shared.stack}
                role="status"
                aria-busy="true"
                aria-label="Loading recent activity"
              >
                <Skeleton width="60%" />
                <Skeleton />
                <Skeleton />
              </div>
            }
          >
            <RecentActivity kmsKey={kmsKey} region={region} />
          </Suspense>
        </ErrorBoundary>
      </Card>
    </div>
  );
}

const OPERATION_LABELS: Record<KeyOperation, string> = {
  encrypt: 'Encrypt',
  decrypt: 'Decrypt',
  sign: 'Sign',
  verify: 'Verify',
  hmac: 'HMAC',
  'verify-hmac': 'Verify HMAC',
  'public-key': 'Public key',
};

function Capabilities({ kmsKey }: { kmsKey: Key }) {
  const info = KEY_TYPE_INFO[kmsKey.keyType];
  const all = Object.keys(OPERATION_LABELS).filter((o): o is KeyOperation => o in OPERATION_LABELS);
  return (
    <div className={shared.stack}>
      <ul className={shared.chipList} aria-label="Operations">
        {all.map((op) => {
          const isSupported = info.operations.includes(op);
          return (
            <li key={op} className={isSupported ? styles.opYes : styles.opNo}>
              {isSupported ? <Check size={14} aria-hidden /> : <Minus size={14} aria-hidden />}
              <span>{OPERATION_LABELS[op]}</span>
              <span className="visually-hidden">
                {isSupported ? ': supported' : ': not supported'}
              </span>
            </li>
          );
        })}
      </ul>
      <DetailList
        rows={[
          { label: 'Algorithm', value: info.label },
          { label: 'Key size', value: `${info.bits} bits` },
          ...(info.maxPlaintextBytes !== null
            ? [
                {
                  label: 'Max. plaintext',
                  value: `${info.maxPlaintextBytes} bytes per request (RSA-OAEP SHA-256)`,
                },
              ]
            : []),
          ...(info.publicKeyFormat
            ? [
                {
                  label: 'Public key',
                  value:
                    info.publicKeyFormat === 'pem-spki'
                      ? 'PEM (SubjectPublicKeyInfo)'
                      : 'Base64 of the raw 32 bytes',
                },
              ]
            : []),
          ...(info.hmacHash ? [{ label: 'HMAC hash', value: info.hmacHash.toUpperCase() }] : []),
        ]}
      />
    </div>
  );
}

function Compatibility({ kmsKey }: { kmsKey: Key }) {
  const info = KEY_TYPE_INFO[kmsKey.keyType];
  const items = [
    {
      name: 'Secrets Manager',
      isOk: info.secretsManager,
      why: info.secretsManager
        ? 'Secrets can be bound to this key for envelope encryption.'
        : 'Secrets Manager binds only symmetric keys (AES-128/256-GCM, ChaCha20-Poly1305).',
    },
    {
      name: 'DNSSEC',
      isOk: info.dnssec,
      why: info.dnssec
        ? 'DNS zones can be signed with this key.'
        : 'DNSSEC signs only with ECDSA P-256, ECDSA P-384 or RSA keys.',
    },
    {
      name: 'Verification outside KMS',
      isOk: info.publicKeyFormat !== null,
      why:
        info.publicKeyFormat !== null
          ? 'Anyone with the public key can verify signatures (or encrypt, for RSA) offline.'
          : 'Symmetric and HMAC keys have no public part: every operation goes through KMS.',
    },
  ];
  return (
    <ul className={styles.compatList}>
      {items.map((item) => (
        <li key={item.name} className={styles.compatItem}>
          <span className={item.isOk ? styles.compatYes : styles.compatNo}>
            {item.isOk ? <Check size={14} aria-hidden /> : <Minus size={14} aria-hidden />}
          </span>
          <div>
            <div className={styles.compatName}>
              {item.name}: {item.isOk ? 'compatible' : 'not compatible'}
            </div>
            <div className={shared.muted}>{item.why}</div>
          </div>
        </li>
      ))}
    </ul>
  );
}
