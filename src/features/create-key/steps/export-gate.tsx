import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import styles from './steps.module.css';

/**
 * The warning gate in front of exportAllowed: explains what export means, asks for an
 * acknowledgement and the typed `region/slug` the key will get. Cancelling leaves export off.
 */
export function ExportGate({
  open,
  phrase,
  onOpenChange,
  onConfirm,
}: {
  open: boolean;
  /** The region and the slug this key will get (the one confirmation rule). */
  phrase: string;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
}) {
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Allow export of this key's material?"
      confirmLabel="Allow export"
      variant="danger"
      acknowledgement="I understand that this key's raw material can then leave Thalassa KMS, and that this choice can never be changed after creation."
      confirmationText={phrase}
      confirmationHint="The region and the slug this key will get from its name."
      onConfirm={onConfirm}
    >
      <p>
        Export is a break-glass operation: it hands out the raw key material of a version, outside
        the protection of the platform. Whoever holds exported material can decrypt or sign without
        KMS, without audit, and beyond any later disable or deletion.
      </p>
      <ul className={styles.gateList}>
        <li>Use it only for regulatory escrow or to migrate keys to another system.</li>
        <li>
          <strong>It can never be changed:</strong> a key created with export allowed stays
          exportable; one created without it can never be exported.
        </li>
        <li>Every export is recorded in the audit log.</li>
      </ul>
    </ConfirmDialog>
  );
}
