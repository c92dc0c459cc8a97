import { Download, KeyRound } from 'lucide-react';
import { useEffect, useState } from 'react';
import { ErrorPanel } from '@/components/errors/error-panel';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, Select } from '@/components/ui/field';
import { Skeleton } from '@/components/ui/skeleton';
import { KEY_TYPE_INFO, type Key } from '@/contract';
import { downloadText } from '@/lib/download';
import { base64ToBytes, sha256Fingerprint } from '@/lib/encoding';
import { formatDateTime } from '@/lib/format';
import { usePublicKey } from '../api';
import { Ed25519PemBlock } from './ed25519-pem-block';
import { publicKeyReason, versionState } from './key-rules';
import shared from './detail-shared.module.css';
import styles from './public-key-tab.module.css';

/** The bytes a fingerprint is taken over: the DER inside a PEM, or the raw Ed25519 key. */
export function publicKeyBytes(text: string): Uint8Array<ArrayBuffer> | null {
  const body = text.includes('-----BEGIN')
    ? text.replace(/-----(BEGIN|END)[^-]*-----/g, '').replace(/\s+/g, '')
    : text.trim();
  try {
    return base64ToBytes(body);
  } catch {
    return null;
  }
}

function useFingerprint(text: string | undefined): string | null {
  const [result, setResult] = useState<{ text: string; fp: string } | null>(null);
  useEffect(() => {
    if (!text) return;
    const bytes = publicKeyBytes(text);
    if (!bytes) return;
    let isCurrent = true;
    void sha256Fingerprint(bytes).then((fp) => {
      if (isCurrent) setResult({ text, fp });
    });
    return () => {
      isCurrent = false;
    };
  }, [text]);
  return result && result.text === text ? result.fp : null;
}

export function PublicKeyTab({ kmsKey, region }: { kmsKey: Key; region: string }) {
  const reason = publicKeyReason(kmsKey);
  const [version, setVersion] = useState(String(kmsKey.latestVersion));
  if (reason) {
    return (
      <EmptyState icon={<KeyRound size={22} aria-hidden />} title="No public key">
        <p>{reason}</p>
      </EmptyState>
    );
  }
  const versions = [...kmsKey.versions].sort((a, b) => b.version - a.version);
  return (
    <div className={shared.stackLg}>
      <div className={styles.toolbar}>
        <Field label="Version" className={styles.versionPicker}>
          <Select value={version} onChange={(e) => setVersion(e.target.value)}>
            {versions.map((v) => {
              const state = versionState(kmsKey, v.version);
              return (
                <option key={v.version} value={String(v.version)}>
                  Version {v.version} · {formatDateTime(v.createdAt)}
                  {state === 'latest' ? ' (latest)' : state === 'retired' ? ' (retired)' : ''}
                </option>
              );
            })}
          </Select>
        </Field>
        <p className={shared.muted}>
          Each version has its own key pair. Signatures name their version (
          <code>thalassa:v{kmsKey.latestVersion}:…</code>), so verify with the matching public key.
        </p>
      </div>
      <PublicKeyCard kmsKey={kmsKey} region={region} version={version} />
    </div>
  );
}

function PublicKeyCard({
  kmsKey,
  region,
  version,
}: {
  kmsKey: Key;
  region: string;
  version: string;
}) {
  const query = usePublicKey(region, kmsKey.identity, version);
  const text = query.data?.keys[version];
  const fingerprint = useFingerprint(text);
  const info = KEY_TYPE_INFO[kmsKey.keyType];
  const isPem = info.publicKeyFormat === 'pem-spki';
  const state = versionState(kmsKey, Number(version));

  if (query.isPending)
    return (
      <Card title={`Version ${version}`}>
        <div className={shared.stack} aria-busy="true" aria-label="Loading public key">
          <Skeleton height={160} />
          <Skeleton width="70%" />
        </div>
      </Card>
    );
  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  if (text === undefined)
    return (
      <EmptyState title={`No public key for version ${version}`}>
        <p>The API did not return a public key for this version.</p>
      </EmptyState>
    );
  const baseName = `${kmsKey.slug}-v${version}`;
  const filename = `${baseName}${isPem ? '.pem' : '.ed25519.pub.b64'}`;
  return (
    <Card
      title={
        <span>
          Public key, version {version}
          {state === 'latest' ? ' (latest)' : state === 'retired' ? ' (retired)' : ''}
        </span>
      }
      actions={
        <>
          <CopyButton value={text} label={`public key version ${version}`} hasText />
          <Button
            size="small"
            variant="secondary"
            onClick={() =>
              downloadText(
                filename,
                isPem && !text.endsWith('\n') ? `${text}\n` : text,
                isPem ? 'application/x-pem-file' : 'text/plain',
              )
            }
          >
            <Download size={14} aria-hidden /> Download {isPem ? '.pem' : 'raw base64'}
          </Button>
        </>
      }
    >
      <div className={shared.stack}>
        <p className={shared.muted}>
          {isPem
            ? `${info.label} public key, PEM-encoded SubjectPublicKeyInfo.`
            : 'Ed25519 public key: base64 of the raw 32 bytes, as the API returns it. The same key as PEM is below.'}
          {state === 'retired'
            ? ' This version is retired: KMS refuses to verify with it, but the key is shown for records.'
            : ''}
        </p>
        <pre className={shared.codeBlock} aria-label={`Public key version ${version}`}>
          {text}
        </pre>
        {isPem ? null : <Ed25519PemBlock rawBase64={text} filename={baseName} version={version} />}
        <div className={styles.fingerprint}>
          <div className={styles.fingerprintHead}>
            <span className="small-caps">
              SHA-256 fingerprint (
              {isPem ? 'of the DER bytes' : 'of the raw 32 bytes; the same for both forms'})
            </span>
            {fingerprint ? <CopyButton value={fingerprint} label="fingerprint" /> : null}
          </div>
          <code className={styles.fingerprintValue} data-testid="public-key-fingerprint">
            {fingerprint ?? 'Computing…'}
          </code>
          <p className={shared.muted}>
            Compare it out of band (for example by phone) with:{' '}
            <code>
              {isPem
                ? `openssl pkey -pubin -in ${filename} -outform DER | openssl dgst -sha256 -c`
                : `base64 -d ${filename} | openssl dgst -sha256 -c`}
            </code>
            {isPem ? null : (
              <>
                {' '}
                or, from the PEM:{' '}
                <code>{`openssl pkey -pubin -in ${baseName}.pem -outform DER | tail -c 32 | openssl dgst -sha256 -c`}</code>
              </>
            )}
          </p>
        </div>
      </div>
    </Card>
  );
}
