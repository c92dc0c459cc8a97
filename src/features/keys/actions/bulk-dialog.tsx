import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { isPhraseTyped, TypedConfirmation } from '@/components/ui/typed-confirmation';
import type { Key } from '@/contract';
import { BULK_CONCURRENCY, itemsToRetry, tally } from './bulk-runner';
import { BulkProgress, BulkResults, KeyNames, SkippedKeys } from './bulk-results';
import { bulkConfirmation, countKeys, planBulk, type KeyActionDef } from './key-action-table';
import { useBulkRun } from './use-bulk-run';
import styles from './actions.module.css';

const idOf = (k: Key) => k.identity;

/**
 * One action on many keys: what will happen to how many, which are skipped and why, the typed
 * count and region where the action is irreversible; then progress (done, failed, remaining)
 * with Stop, and every key's result, with Retry for failures and Continue after a stop.
 * `onClose` gets the keys still to do (failed or not run), or null when nothing was run.
 */
export function BulkActionDialog({
  action,
  region,
  keys,
  onClose,
}: {
  action: KeyActionDef;
  region: string;
  /** The selected keys when the dialog opened. */
  keys: readonly Key[];
  onClose: (leftOver: string[] | null) => void;
}) {
  const plan = useMemo(() => planBulk(action, keys), [action, keys]);
  const bulk = useBulkRun(action, region);
  const { targets } = plan;
  const counts = tally(targets.map((k) => bulk.outcomes.get(k.identity) ?? { state: 'waiting' }));
  const failed = itemsToRetry(targets, idOf, bulk.outcomes, 'failed');
  const notRun = itemsToRetry(targets, idOf, bulk.outcomes, 'not-run');

  const close = () => {
    if (bulk.isRunning) return;
    onClose(bulk.hasStarted ? [...failed, ...notRun].map(idOf) : null);
  };

  return (
    <Dialog
      open
      onOpenChange={(isOpen) => {
        if (!isOpen) close();
      }}
      title={`${action.bulkLabel(targets.length)} in ${region}`}
      isWide
    >
      {bulk.hasStarted ? (
        <div className={styles.stack}>
          <BulkProgress total={targets.length} counts={counts} />
          <BulkResults action={action} targets={targets} outcomes={bulk.outcomes} />
          <div className={styles.footer}>
            {bulk.isRunning ? (
              <Button variant="secondary" disabled={bulk.isStopping} onClick={bulk.stop}>
                {bulk.isStopping ? 'Stopping…' : 'Stop'}
              </Button>
            ) : (
              <>
                <Button variant="secondary" onClick={close}>
                  Close
                </Button>
                {notRun.length > 0 ? (
                  <Button variant="secondary" onClick={() => bulk.start(notRun)}>
                    Continue with {countKeys(notRun.length)} not run
                  </Button>
                ) : null}
                {failed.length > 0 ? (
                  <Button variant="primary" onClick={() => bulk.start(failed)}>
                    Retry {countKeys(failed.length)} that failed
                  </Button>
                ) : null}
              </>
            )}
          </div>
        </div>
      ) : (
        <BulkReview
          action={action}
          region={region}
          plan={plan}
          onCancel={close}
          onConfirm={() => bulk.start(targets)}
        />
      )}
    </Dialog>
  );
}

function BulkReview({
  action,
  region,
  plan,
  onCancel,
  onConfirm,
}: {
  action: KeyActionDef;
  region: string;
  plan: ReturnType<typeof planBulk>;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const [typed, setTyped] = useState('');
  const count = plan.targets.length;
  const phrase = action.isConfirmedByCount ? bulkConfirmation(action, count, region) : null;
  const canConfirm = count > 0 && (phrase === null || isPhraseTyped(phrase, typed));
  return (
    <form
      className={styles.stack}
      onSubmit={(e) => {
        e.preventDefault();
        // React events bubble through portals: never let this submit reach a form around it.
        e.stopPropagation();
        if (canConfirm) onConfirm();
      }}
    >
      {count > 0 ? (
        <>
          <p>
            <strong>{countKeys(count)}</strong> in {region} will {action.effect}
          </p>
          <KeyNames keys={plan.targets} label={`Keys to ${action.verb}`} />
        </>
      ) : (
        <p>None of the selected keys allows this action.</p>
      )}
      <SkippedKeys skipped={plan.skipped} />
      {phrase !== null && count > 0 ? (
        <TypedConfirmation
          phrase={phrase}
          value={typed}
          onChange={setTyped}
          hint="The number of keys and the region, as shown."
        />
      ) : null}
      <p className={styles.note}>
        Up to {BULK_CONCURRENCY} keys are changed at a time; you can stop at any point, and each
        key&apos;s result is listed at the end.
      </p>
      <div className={styles.footer}>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        {count > 0 ? (
          <Button type="submit" variant={action.tone} disabled={!canConfirm}>
            {action.bulkLabel(count)}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
