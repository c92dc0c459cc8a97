import { Download, Power, PowerOff, RotateCw, Trash2, Undo2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useToast } from '@/components/ui/toast';
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
import styles from './key-detail.module.css';
import {
  DisableDialog,
  EnableDialog,
  RotateNowDialog,
  ScheduleDeletionDialog,
} from './lifecycle-dialogs';

export type KeyDialog = 'rotate' | 'disable' | 'enable' | 'delete' | 'cancel-deletion' | 'export';

/** The key's actions, each disabled with its reason when the status does not allow it. */
export function KeyActions({
  kmsKey,
  region,
  dialog,
  onDialogChange,
}: {
  kmsKey: Key;
  region: string;
  dialog: KeyDialog | null;
  onDialogChange: (dialog: KeyDialog | null) => void;
}) {
  const open = (d: KeyDialog) => onDialogChange(d);
  const isPending = kmsKey.status === 'pending_deletion';
  const groupRef = useReturnFocus(dialog);
  return (
    <div className={styles.actions} ref={groupRef} role="group" aria-label="Key actions">
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

/**
 * Dialogs here open without a Radix trigger, so Radix cannot return focus on close: remember
 * what had focus when a dialog opened and put it back afterwards. When that control is gone
 * (e.g. "Schedule deletion" became "Cancel deletion"), focus the first available action.
 */
function useReturnFocus(dialog: KeyDialog | null) {
  const groupRef = useRef<HTMLDivElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (dialog) {
      if (!wasOpen.current) {
        const active = document.activeElement;
        returnTo.current = active instanceof HTMLElement ? active : null;
      }
      wasOpen.current = true;
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    const t = setTimeout(() => {
      const target = returnTo.current;
      if (target && target.isConnected && !target.hasAttribute('disabled')) target.focus();
      else groupRef.current?.querySelector<HTMLElement>('button:not(:disabled)')?.focus();
    }, 0);
    return () => clearTimeout(t);
  }, [dialog]);
  return groupRef;
}

/** The key page's lifecycle dialogs for one key; the key list's row menu opens the same ones. */
export function KeyDialogs({
  kmsKey,
  region,
  dialog,
  onDialogChange,
}: {
  kmsKey: Key;
  region: string;
  dialog: KeyDialog | null;
  onDialogChange: (dialog: KeyDialog | null) => void;
}) {
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
  const openChange =
    (d: KeyDialog, m: { reset: () => void; isPending: boolean }) => (isOpen: boolean) => {
      if (!isOpen) {
        if (!m.isPending) m.reset();
        close();
      } else onDialogChange(d);
    };

  return (
    <>
      <RotateNowDialog
        kmsKey={shown}
        open={dialog === 'rotate'}
        onOpenChange={openChange('rotate', rotate)}
        isPending={rotate.isPending}
        error={errorText(rotate.error)}
        onConfirm={() =>
          rotate.mutate(kmsKey.identity, {
            onSuccess: (key) => {
              closeIfOpen('rotate');
              rotate.reset();
              toast({
                tone: 'success',
                title: `Rotated to version ${key.latestVersion}`,
                description: `${key.name}: new requests use version ${key.latestVersion}.`,
              });
            },
          })
        }
      />
      <DisableDialog
        kmsKey={shown}
        open={dialog === 'disable'}
        onOpenChange={openChange('disable', disable)}
        isPending={disable.isPending}
        error={errorText(disable.error)}
        onConfirm={() =>
          disable.mutate(kmsKey, {
            onSuccess: (key) => {
              closeIfOpen('disable');
              disable.reset();
              toast({ tone: 'success', title: `${key.name} is disabled` });
            },
          })
        }
      />
      <EnableDialog
        kmsKey={shown}
        open={dialog === 'enable'}
        onOpenChange={openChange('enable', enable)}
        isPending={enable.isPending}
        error={errorText(enable.error)}
        onConfirm={() =>
          enable.mutate(kmsKey, {
            onSuccess: (key) => {
              closeIfOpen('enable');
              enable.reset();
              toast({ tone: 'success', title: `${key.name} is active again` });
            },
          })
        }
      />
      <ScheduleDeletionDialog
        kmsKey={shown}
        region={region}
        open={dialog === 'delete'}
        onOpenChange={openChange('delete', schedule)}
        isPending={schedule.isPending}
        error={errorText(schedule.error)}
        onConfirm={() =>
          schedule.mutate(kmsKey.identity, {
            onSuccess: (key) => {
              closeIfOpen('delete');
              schedule.reset();
              toast({
                tone: 'info',
                title: `Deletion of ${key.name} scheduled`,
                description: 'You can cancel it at any time during the waiting period.',
              });
            },
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
