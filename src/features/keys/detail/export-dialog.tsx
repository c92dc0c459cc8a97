import { AlertTriangle, Eye, EyeOff, ShieldAlert } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Select } from '@/components/ui/field';
import { isPhraseTyped, TypedConfirmation } from '@/components/ui/typed-confirmation';
import { KEY_TYPE_INFO, type Key } from '@/contract';
import { errorText } from './error-text';
import { KEY_CONFIRMATION_HINT, keyConfirmation, versionState } from './key-rules';
import { EXPORT_VISIBLE_MS, useKeyExport, type ExportedMaterial } from './use-key-export';
import { useNow } from '@/lib/use-now';
import shared from './detail-shared.module.css';
import styles from './export-dialog.module.css';

function materialFormat(key: Key): string {
  const family = KEY_TYPE_INFO[key.keyType].family;
  return family === 'symmetric' || family === 'hmac'
    ? 'base64 of the raw key bytes'
    : 'base64 of the PKCS#8 DER private key';
}

/**
 * The break-glass export: states the risk, needs an acknowledgement, the typed `region/slug`
 * and a version; fetches only on the explicit action; shows the material masked; clears it after
 * 60 seconds and when the dialog closes (it is unmounted then).
 */
export function ExportDialog({
  kmsKey,
  region,
  onClose,
}: {
  kmsKey: Key;
  region: string;
  onClose: () => void;
}) {
  const exp = useKeyExport(region, kmsKey.identity);
  const close = () => {
    exp.clear();
    onClose();
  };
  return (
    <Dialog
      open
      onOpenChange={(isOpen) => {
        if (!isOpen) close();
      }}
      title={`Export key material: ${kmsKey.name}`}
      isWide
    >
      {/* The form unmounts while material shows, so after a clear it is re-armed from scratch. */}
      {exp.material ? (
        <MaterialView material={exp.material} kmsKey={kmsKey} onClear={exp.clear} />
      ) : (
        <ExportForm exp={exp} kmsKey={kmsKey} region={region} onCancel={close} />
      )}
    </Dialog>
  );
}

function ExportForm({
  exp,
  kmsKey,
  region,
  onCancel,
}: {
  exp: ReturnType<typeof useKeyExport>;
  kmsKey: Key;
  region: string;
  onCancel: () => void;
}) {
  const [isAcknowledged, setIsAcknowledged] = useState(false);
  const [typed, setTyped] = useState('');
  const [version, setVersion] = useState(String(kmsKey.latestVersion));
  const phrase = keyConfirmation(region, kmsKey);
  const canExport = isAcknowledged && isPhraseTyped(phrase, typed) && !exp.isPending;
  const versions = [...kmsKey.versions].sort((a, b) => b.version - a.version);
  return (
    <form
      className={shared.stack}
      onSubmit={(e) => {
        e.preventDefault();
        if (canExport) void exp.run(version);
      }}
    >
      <ExportRisk kmsKey={kmsKey} />
      {exp.wasCleared ? (
        <p className={shared.infoBox} role="status">
          The exported material was cleared from this page. Export again if you still need it.
        </p>
      ) : null}
      <label className={styles.ack}>
        <input
          type="checkbox"
          checked={isAcknowledged}
          onChange={(e) => setIsAcknowledged(e.target.checked)}
        />
        <span>
          I understand that exported material is outside KMS control and cannot be revoked.
        </span>
      </label>
      <Field label="Version" hint={`Material format: ${materialFormat(kmsKey)}.`}>
        <Select value={version} onChange={(e) => setVersion(e.target.value)}>
          {versions.map((v) => {
            const state = versionState(kmsKey, v.version);
            return (
              <option key={v.version} value={String(v.version)}>
                Version {v.version}
                {state === 'latest' ? ' (latest)' : state === 'retired' ? ' (retired)' : ''}
              </option>
            );
          })}
        </Select>
      </Field>
      <TypedConfirmation
        phrase={phrase}
        value={typed}
        onChange={setTyped}
        hint={KEY_CONFIRMATION_HINT}
      />
      {exp.error ? (
        <p role="alert" className={shared.errorBox}>
          {errorText(exp.error)}
        </p>
      ) : null}
      <div className={shared.dialogFooter}>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={!canExport} aria-busy={exp.isPending}>
          {exp.isPending ? 'Exporting…' : `Export version ${version}`}
        </Button>
      </div>
    </form>
  );
}

function ExportRisk({ kmsKey }: { kmsKey: Key }) {
  return (
    <div className={shared.dangerBox}>
      <p className={shared.dangerTitle}>
        <ShieldAlert size={16} aria-hidden /> Break-glass action
      </p>
      <p>
        Exporting copies the secret key material out of KMS. From then on, anyone who obtains this
        copy can{' '}
        {KEY_TYPE_INFO[kmsKey.keyType].purpose === 'sign'
          ? 'forge signatures'
          : 'decrypt your data'}{' '}
        without KMS, without audit and without being stopped by disabling or deleting the key.
        Rotation does not revoke an exported version.
      </p>
      <p>
        The export is recorded in the audit log (<code>kms.export</code>). Only continue if you have
        an approved reason and a safe place for the material.
      </p>
    </div>
  );
}

function MaterialView({
  material,
  kmsKey,
  onClear,
}: {
  material: ExportedMaterial;
  kmsKey: Key;
  onClear: () => void;
}) {
  const [isRevealed, setIsRevealed] = useState(false);
  const now = useNow(1000);
  const secondsLeft = Math.max(0, Math.ceil((material.expiresAt - now.getTime()) / 1000));
  const fraction = Math.max(
    0,
    Math.min(1, (material.expiresAt - now.getTime()) / EXPORT_VISIBLE_MS),
  );
  return (
    <div className={shared.stack}>
      <p className={styles.warningBox}>
        <AlertTriangle size={15} aria-hidden /> Version {material.keyVersion} of{' '}
        <strong>{kmsKey.slug}</strong>, {materialFormat(kmsKey)}. Store it in a secret store now; it
        is not kept anywhere in this console.
      </p>
      <div className={styles.materialBox}>
        <div className={shared.materialHead}>
          <span className="small-caps" id="export-material-label">
            Key material (version {material.keyVersion})
          </span>
          <div className={shared.inlineActions}>
            <Button
              size="small"
              variant="ghost"
              aria-pressed={isRevealed}
              onClick={() => setIsRevealed((v) => !v)}
            >
              {isRevealed ? <EyeOff size={14} aria-hidden /> : <Eye size={14} aria-hidden />}
              {isRevealed ? 'Hide' : 'Reveal'}
            </Button>
            <CopyButton value={material.keyMaterial} label="key material" hasText />
          </div>
        </div>
        <pre
          className={styles.material}
          aria-labelledby="export-material-label"
          data-testid="export-material"
        >
          {isRevealed
            ? material.keyMaterial
            : `${'•'.repeat(Math.min(material.keyMaterial.length, 64))}  (${material.keyMaterial.length} characters hidden)`}
        </pre>
      </div>
      <div className={styles.countdown} role="timer" aria-live="off">
        <div className={styles.countdownTrack} aria-hidden>
          <div className={styles.countdownBar} style={{ width: `${fraction * 100}%` }} />
        </div>
        <span>
          Cleared from this page in <strong>{secondsLeft} s</strong>, or when you close this dialog.
        </span>
      </div>
      <div className={shared.dialogFooter}>
        <Button variant="secondary" onClick={onClear}>
          Clear now
        </Button>
      </div>
    </div>
  );
}
