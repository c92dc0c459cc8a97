import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { KEY_TYPE_INFO, type Key } from '@/contract';
import { addDays, formatDate, formatDateTime } from '@/lib/format';
import {
  DELETION_WINDOW_DAYS,
  KEY_CONFIRMATION_HINT,
  keyConfirmation,
  newOutputVerb,
  usableVerb,
  usableVersions,
} from './key-rules';
import shared from './detail-shared.module.css';

interface DialogBase {
  kmsKey: Key;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  isPending: boolean;
  error: string | null;
  onConfirm: () => void;
}

/** Rotate now: says exactly what a new version changes and what it does not. */
export function RotateNowDialog({ kmsKey, ...props }: DialogBase) {
  const next = kmsKey.latestVersion + 1;
  const period = kmsKey.keyRotationEnabled ? kmsKey.rotationPeriodInDays : undefined;
  return (
    <ConfirmDialog
      {...props}
      title={`Rotate ${kmsKey.name} now?`}
      confirmLabel={`Create version ${next}`}
    >
      <p>
        A new version <strong>{next}</strong> is generated and becomes the latest: every new{' '}
        {newOutputVerb(kmsKey)} request uses it.
      </p>
      <ul>
        <li>
          Nothing already produced breaks: {usableVersions(kmsKey)} can still {usableVerb(kmsKey)},
          because every ciphertext and signature names its version (
          <code>thalassa:v{kmsKey.latestVersion}:…</code>).
        </li>
        {KEY_TYPE_INFO[kmsKey.keyType].publicKeyFormat ? (
          <li>
            Version {next} has a new public key: anyone verifying outside KMS needs it (Public key
            tab).
          </li>
        ) : null}
        {period !== undefined ? (
          <li>
            The automatic rotation clock restarts: the next one falls on about{' '}
            {formatDate(addDays(new Date(), period))} ({period}-day period).
          </li>
        ) : null}
        <li>Rotation cannot be undone; versions are never removed.</li>
      </ul>
    </ConfirmDialog>
  );
}

/** Disable: what stops working, and that it is reversible. */
export function DisableDialog({ kmsKey, ...props }: DialogBase) {
  const info = KEY_TYPE_INFO[kmsKey.keyType];
  return (
    <ConfirmDialog
      {...props}
      title={`Disable ${kmsKey.name}?`}
      confirmLabel="Disable key"
      variant="danger"
    >
      <p>While the key is disabled, KMS refuses every operation with it:</p>
      <ul>
        <li>
          {newOutputVerb(kmsKey)} and {usableVerb(kmsKey)} fail (HTTP 400) for every version, and so
          does export.
        </li>
        {info.secretsManager ? (
          <li>Secrets Manager secrets bound to this key cannot be read or written.</li>
        ) : null}
        {info.dnssec ? <li>DNSSEC zones signed with this key stop being re-signed.</li> : null}
        <li>Applications using it start failing as soon as this takes effect.</li>
        {kmsKey.keyRotationEnabled ? <li>Automatic rotation pauses.</li> : null}
      </ul>
      <p>
        Metadata{info.publicKeyFormat ? ' and the public keys' : ''} stay readable. You can enable
        the key again at any time; nothing is lost.
      </p>
    </ConfirmDialog>
  );
}

export function EnableDialog({ kmsKey, ...props }: DialogBase) {
  return (
    <ConfirmDialog {...props} title={`Enable ${kmsKey.name}?`} confirmLabel="Enable key">
      <p>
        The key becomes active again: {newOutputVerb(kmsKey)} uses version {kmsKey.latestVersion},
        and {usableVersions(kmsKey)} can {usableVerb(kmsKey)} again.
        {kmsKey.keyRotationEnabled ? ' Automatic rotation resumes.' : ''}
      </p>
    </ConfirmDialog>
  );
}

/** Schedule deletion: the window, what breaks after the purge, typed `region/slug`. */
export function ScheduleDeletionDialog({
  kmsKey,
  region,
  ...props
}: DialogBase & { region: string }) {
  const info = KEY_TYPE_INFO[kmsKey.keyType];
  const purge = addDays(new Date(), DELETION_WINDOW_DAYS);
  const versions = kmsKey.versions.length;
  return (
    <ConfirmDialog
      {...props}
      title={`Schedule deletion of ${kmsKey.name}?`}
      confirmLabel="Schedule deletion"
      variant="danger"
      confirmationText={keyConfirmation(region, kmsKey)}
      confirmationHint={KEY_CONFIRMATION_HINT}
    >
      <p>
        The key stops working now and is <strong>purged for good</strong> after a fixed{' '}
        {DELETION_WINDOW_DAYS}-day waiting period, on about <strong>{formatDateTime(purge)}</strong>
        . Until then you can cancel the deletion; the key then returns to active (you can keep it
        disabled instead).
      </p>
      <div className={shared.dangerBox}>
        <p className={shared.dangerTitle}>What breaks</p>
        <ul>
          <li>
            From now: every {newOutputVerb(kmsKey)} and {usableVerb(kmsKey)} request fails.
          </li>
          {info.secretsManager ? (
            <li>Secrets Manager secrets bound to this key can no longer be read.</li>
          ) : null}
          {info.dnssec ? (
            <li>
              DNSSEC zones signed with this key can no longer be signed, and fail validation once
              their signatures expire.
            </li>
          ) : null}
          {info.operations.includes('decrypt') ? (
            <li>
              After the purge, all {versions.toLocaleString('en')} version
              {versions === 1 ? '' : 's'} are destroyed: data encrypted under this key can never be
              decrypted again, by anyone.
            </li>
          ) : (
            <li>
              After the purge, all {versions.toLocaleString('en')} version
              {versions === 1 ? '' : 's'} are destroyed: no new signatures or HMACs, and KMS can no
              longer verify old ones.
            </li>
          )}
          <li>The name and slug stay taken until the purge.</li>
        </ul>
      </div>
      {kmsKey.exportAllowed ? null : (
        <p>Export was never allowed for this key, so no copy of the material exists outside KMS.</p>
      )}
    </ConfirmDialog>
  );
}
