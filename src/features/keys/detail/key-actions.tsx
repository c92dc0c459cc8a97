import { Download, Power, PowerOff, RotateCw, Trash2, Undo2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useToast, type ToastInput } from '@/components/ui/toast';
import type { Key } from '@/contract';
import { useDisableKey, useEnableKey, useRotateKey, useScheduleDeletion } from '../api';
import { ActionButton } from './action-button';
import { CancelDeletionDialog } from './cancel-deletion-dialog';
import { errorText } from './error-text';
import { ExportDialog } from './export-dialog';
import {
  deleteReason,
  disableReason,
  enableReason,
  exportReason,
  isRotationLocked,
  rotateReason,
} from './key-rules';
import styles from './key-actions.module.css';
import {
  DisableDialog,
  EnableDialog,
  RotateNowDialog,
  ScheduleDeletionDialog,
} from './lifecycle-dialogs';

/** What a lifecycle dialog shows of its mutation (rotate, disable, enable, schedule deletion). */
interface LifecycleMutation {
  reset: () => void;
  isPending: boolean;
  error: unknown;
}

export type KeyDialog = 'rotate' | 'disable' | 'enable' | 'delete' | 'cancel-deletion' | 'export';

/** A key and its open dialog, which the page holds (the header shows the actions). */
export interface KeyDialogProps {
  kmsKey: Key;
  region: string;
  dialog: KeyDialog | null;
  onDialogChange: (dialog: KeyDialog | null) => void;
}

/** The key's actions, each disabled with its reason when the status does not allow it. */
export function KeyActions({ kmsKey, region, dialog, onDialogChange }: KeyDialogProps) {
  const open = (d: KeyDialog) => onDialogChange(d);
  const isPending = kmsKey.status === 'pending_deletion';
  return (
    <div className={styles.actions} role="group" aria-label="Key actions">
      {/* A key that can never rotate offers no rotation at all (the Rotation tab says why). */}
      {isRotationLocked(kmsKey) ? null : (
        <ActionButton reason={rotateReason(kmsKey)} onClick={() => open('rotate')}>
          <RotateCw size={15} aria-hidden /> Rotate now
        </ActionButton>
      )}
      {kmsKey.status === 'disabled' ? (
        <ActionButton reason={enableReason(kmsKey)} onClick={() => open('enable')}>
          <Power size={15} aria-hidden /> Enable
        </ActionButton>
      ) : (
        <ActionButton reason={disableReason(kmsKey)} onClick={() => open('disable')}>
          <PowerOff size={15} aria-hidden /> Disable
        </ActionButton>
      )}
      {kmsKey.exportAllowed ? (
        <ActionButton reason={exportReason(kmsKey)} onClick={() => open('export')}>
          <Download size={15} aria-hidden /> Export
        </ActionButton>
      ) : null}
      {isPending ? (
        <ActionButton variant="primary" reason={null} onClick={() => open('cancel-deletion')}>
          <Undo2 size={15} aria-hidden /> Cancel deletion
        </ActionButton>
      ) : (
        <ActionButton variant="danger" reason={deleteReason(kmsKey)} onClick={() => open('delete')}>
          <Trash2 size={15} aria-hidden /> Schedule deletion
        </ActionButton>
      )}
      <KeyDialogs kmsKey={kmsKey} region={region} dialog={dialog} onDialogChange={onDialogChange} />
    </div>
  );
}

/** The key page's lifecycle dialogs for one key; the key list's row menu opens the same ones. */
export function KeyDialogs({ kmsKey, region, dialog, onDialogChange }: KeyDialogProps) {
  const toast = useToast();
  const rotate = useRotateKey(region);
  const disable = useDisableKey(region);
  const enable = useEnableKey(region);
  const schedule = useScheduleDeletion(region);
  // The key as it was when the dialog opened: an optimistic flip must not change the text.
  const [shown, setShown] = useState(kmsKey);
  const [lastDialog, setLastDialog] = useState(dialog);
  if (dialog !== lastDialog) {
    setLastDialog(dialog);
    if (dialog) setShown(kmsKey);
  }
  // The dialog open now: an answer arriving after its own dialog was closed (and another one
  // maybe opened) must not close that other one.
  const openDialog = useRef(dialog);
  useEffect(() => {
    openDialog.current = dialog;
  }, [dialog]);
  const close = () => onDialogChange(null);
  const closeIfOpen = (d: KeyDialog) => {
    if (openDialog.current === d) close();
  };
  // Closing while the request is in flight keeps its state: reopening shows it pending (no
  // second submit of the same action), and its answer still lands.
  const dialogProps = (d: KeyDialog, m: LifecycleMutation) => ({
    kmsKey: shown,
    open: dialog === d,
    onOpenChange: (isOpen: boolean) => {
      if (isOpen) return onDialogChange(d);
      if (!m.isPending) m.reset();
      close();
    },
    isPending: m.isPending,
    error: errorText(m.error),
  });
  const finish = (d: KeyDialog, m: LifecycleMutation, message: ToastInput) => {
    closeIfOpen(d);
    m.reset();
    toast(message);
  };

  return (
    <>
      <RotateNowDialog
        {...dialogProps('rotate', rotate)}
        onConfirm={() =>
          rotate.mutate(kmsKey.identity, {
            onSuccess: (key) =>
              finish('rotate', rotate, {
                tone: 'success',
                title: `Rotated to version ${key.latestVersion}`,
                description: `${key.name}: new requests use version ${key.latestVersion}.`,
              }),
          })
        }
      />
      <DisableDialog
        {...dialogProps('disable', disable)}
        onConfirm={() =>
          disable.mutate(kmsKey, {
            onSuccess: (key) =>
              finish('disable', disable, { tone: 'success', title: `${key.name} is disabled` }),
          })
        }
      />
      <EnableDialog
        {...dialogProps('enable', enable)}
        onConfirm={() =>
          enable.mutate(kmsKey, {
            onSuccess: (key) =>
              finish('enable', enable, { tone: 'success', title: `${key.name} is active again` }),
          })
        }
      />
      <ScheduleDeletionDialog
        region={region}
        {...dialogProps('delete', schedule)}
        onConfirm={() =>
          schedule.mutate(kmsKey.identity, {
            onSuccess: (key) =>
              finish('delete', schedule, {
                tone: 'info',
                title: `Deletion of ${key.name} scheduled`,
                description: 'You can cancel it at any time during the waiting period.',
              }),
          })
        }
      />
      <CancelDeletionDialog
        kmsKey={shown}
        region={region}
        open={dialog === 'cancel-deletion'}
        onOpenChange={(isOpen) => (isOpen ? onDialogChange('cancel-deletion') : close())}
        onDone={({ key, isDisabled }) => {
          closeIfOpen('cancel-deletion');
          toast({
            tone: 'success',
            title: isDisabled
              ? `Deletion cancelled: ${key.name} is disabled`
              : `Deletion cancelled: ${key.name} is active`,
            ...(isDisabled ? { description: 'Cancelled, then disabled.' } : {}),
          });
        }}
      />
      {dialog === 'export' ? (
        <ExportDialog kmsKey={kmsKey} region={region} onClose={close} />
      ) : null}
    </>
  );
}
