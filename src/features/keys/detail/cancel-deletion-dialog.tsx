import { Check, CircleAlert, Clock } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import type { Key } from '@/contract';
import { useCancelDeletion, useDisableKey } from '../api';
import { errorText } from './error-text';
import { latestVersionOf } from './key-rules';
import shared from './detail-shared.module.css';
import styles from './cancel-deletion-dialog.module.css';

type StepState = 'working' | 'done' | 'failed';

interface Progress {
  cancel: StepState;
  /** Absent when the person chose to make the key active. */
  disable?: StepState | 'waiting';
  error?: string;
}

/**
 * Cancel deletion. The lifecycle makes a cancelled key active, also one that was disabled before
 * deletion was scheduled; the dialog says so and offers to keep it disabled: cancel, then
 * disable, reporting each step. A failed step is shown in place with the way forward.
 */
export function CancelDeletionDialog({
  kmsKey,
  region,
  open,
  onOpenChange,
  onDone,
}: {
  kmsKey: Key;
  region: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Called with what happened when every chosen step succeeded. */
  onDone: (result: { key: Key; isDisabled: boolean }) => void;
}) {
  const cancel = useCancelDeletion(region);
  const disable = useDisableKey(region);
  const [progress, setProgress] = useState<Progress | null>(null);
  const isBusy = progress?.cancel === 'working' || progress?.disable === 'working';

  const runDisable = async (active: Key) => {
    setProgress({ cancel: 'done', disable: 'working' });
    try {
      const key = await disable.mutateAsync(active);
      setProgress(null);
      onDone({ key, isDisabled: true });
    } catch (e) {
      setProgress({ cancel: 'done', disable: 'failed', error: errorText(e) ?? undefined });
    }
  };

  const run = async (keepDisabled: boolean) => {
    setProgress({ cancel: 'working', ...(keepDisabled ? { disable: 'waiting' } : {}) });
    let active: Key;
    try {
      active = await cancel.mutateAsync(kmsKey.identity);
    } catch (e) {
      setProgress({ cancel: 'failed', error: errorText(e) ?? undefined });
      return;
    }
    if (!keepDisabled) {
      setProgress(null);
      onDone({ key: active, isDisabled: false });
      return;
    }
    await runDisable(active);
  };

  const latest = latestVersionOf(kmsKey);
  const cancelled = progress?.cancel === 'done';
  return (
    <Dialog
      open={open}
      onOpenChange={(isOpen) => {
        if (isBusy) return;
        if (!isOpen) setProgress(null);
        onOpenChange(isOpen);
      }}
      title={`Cancel deletion of ${kmsKey.name}?`}
      isWide
    >
      <form
        className={shared.stack}
        onSubmit={(e) => {
          e.preventDefault();
          // React events bubble through portals: never let this submit reach a form around it.
          e.stopPropagation();
          if (!isBusy && !cancelled) void run(false);
        }}
      >
        <p>
          The purge is called off and the key returns to <strong>active</strong> with all its
          versions{latest ? ` (latest: version ${latest.version})` : ''}: requests work again at
          once.
        </p>
        <p className={shared.infoBox}>
          This is so even if the key was disabled before its deletion was scheduled. To keep it out
          of use, choose <strong>Cancel deletion and keep it disabled</strong>: the deletion is
          cancelled, then the key is disabled, and each step is reported here.
        </p>
        {progress ? <ProgressList progress={progress} /> : null}
        {progress?.error ? (
          <p role="alert" className={shared.errorBox}>
            {cancelled
              ? `The deletion was cancelled, but disabling failed: ${progress.error} The key is active now; try disabling again, or close and disable it later.`
              : `The deletion was not cancelled: ${progress.error}`}
          </p>
        ) : null}
        <div className={shared.dialogFooter}>
          <Button variant="secondary" disabled={isBusy} onClick={() => onOpenChange(false)}>
            {cancelled ? 'Close' : 'Keep it scheduled'}
          </Button>
          {cancelled ? (
            <Button
              variant="primary"
              disabled={isBusy}
              onClick={() => void runDisable({ ...kmsKey, status: 'active' })}
            >
              Try disabling again
            </Button>
          ) : (
            <>
              <Button variant="secondary" disabled={isBusy} onClick={() => void run(true)}>
                Cancel deletion and keep it disabled
              </Button>
              <Button type="submit" variant="primary" disabled={isBusy} aria-busy={isBusy}>
                {isBusy ? 'Working…' : 'Cancel deletion'}
              </Button>
            </>
          )}
        </div>
      </form>
    </Dialog>
  );
}

const STEP_WORDS: Record<StepState | 'waiting', string> = {
  waiting: 'waiting',
  working: 'in progress',
  done: 'done',
  failed: 'failed',
};

function ProgressList({ progress }: { progress: Progress }) {
  const steps: [string, StepState | 'waiting'][] = [['Cancel deletion', progress.cancel]];
  if (progress.disable) steps.push(['Disable the key', progress.disable]);
  return (
    <ol className={styles.progressList} role="status" aria-label="Progress">
      {steps.map(([label, state]) => (
        <li key={label} data-state={state}>
          {state === 'done' ? <Check size={14} aria-hidden /> : null}
          {state === 'working' || state === 'waiting' ? <Clock size={14} aria-hidden /> : null}
          {state === 'failed' ? <CircleAlert size={14} aria-hidden /> : null}
          <span>
            {label}: {STEP_WORDS[state]}
          </span>
        </li>
      ))}
    </ol>
  );
}
