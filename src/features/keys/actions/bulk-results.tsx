import { Check, CircleAlert, CircleSlash } from 'lucide-react';
import type { Key } from '@/contract';
import type { BulkTally } from './bulk-runner';
import { countKeys, type BulkPlan, type KeyActionDef } from './key-action-table';
import type { KeyOutcomes } from './use-bulk-run';
import styles from './actions.module.css';

/** Lists this long show their first names and say how many more. */
const SHOWN_NAMES = 100;

/** Key names as a short scrollable list (slugs beside names: names need not be unique). */
export function KeyNames({ keys, label }: { keys: readonly Key[]; label: string }) {
  const shown = keys.slice(0, SHOWN_NAMES);
  return (
    <ul className={styles.keyList} aria-label={label}>
      {shown.map((k) => (
        <li key={k.identity}>
          <span className={styles.keyName}>{k.name}</span>{' '}
          <span className={`${styles.keySlug} mono`}>{k.slug}</span>
        </li>
      ))}
      {keys.length > shown.length ? (
        <li className={styles.more}>and {countKeys(keys.length - shown.length)} more</li>
      ) : null}
    </ul>
  );
}

/** The keys left out, under each reason. */
export function SkippedKeys({ skipped }: { skipped: BulkPlan['skipped'] }) {
  if (skipped.length === 0) return null;
  const total = skipped.reduce((n, s) => n + s.keys.length, 0);
  return (
    <section className={styles.skipped} aria-label="Skipped keys">
      <h3 className={styles.sectionTitle}>
        Skipped: {countKeys(total)} (the action does not apply to them)
      </h3>
      {skipped.map((group) => (
        <div key={group.reason} className={styles.skipGroup}>
          <p>
            <strong>{countKeys(group.keys.length)}:</strong> {group.reason}
          </p>
          <KeyNames keys={group.keys} label={`Skipped: ${group.reason}`} />
        </div>
      ))}
    </section>
  );
}

/** Done / failed / remaining, as numbers and a bar. */
export function BulkProgress({ total, counts }: { total: number; counts: BulkTally }) {
  const settled = counts.done + counts.failed + counts.notRun;
  return (
    <div className={styles.progress}>
      <progress max={total} value={settled} aria-label="Progress" />
      <p role="status" aria-live="polite" className={styles.progressText}>
        <span>{counts.done.toLocaleString('en')} done</span>
        <span>{counts.failed.toLocaleString('en')} failed</span>
        <span>{counts.remaining.toLocaleString('en')} remaining</span>
        {counts.notRun > 0 ? <span>{counts.notRun.toLocaleString('en')} not run</span> : null}
      </p>
    </div>
  );
}

/** Every key's result: failures first with the server's message, then those not run, then done. */
export function BulkResults({
  action,
  targets,
  outcomes,
}: {
  action: KeyActionDef;
  targets: readonly Key[];
  outcomes: KeyOutcomes;
}) {
  const failed: { key: Key; message: string }[] = [];
  const notRun: Key[] = [];
  const done: Key[] = [];
  for (const key of targets) {
    const o = outcomes.get(key.identity);
    if (o?.state === 'failed') failed.push({ key, message: o.message });
    else if (o?.state === 'not-run') notRun.push(key);
    else if (o?.state === 'done') done.push(key);
  }
  return (
    <div className={styles.results}>
      {failed.length > 0 ? (
        <section aria-label="Failed">
          <h3 className={styles.sectionTitle}>
            <CircleAlert size={14} aria-hidden /> Failed: {countKeys(failed.length)}
          </h3>
          <ul className={styles.failList}>
            {failed.slice(0, SHOWN_NAMES).map(({ key, message }) => (
              <li key={key.identity} data-outcome="failed">
                <span className={styles.keyName}>{key.name}</span>
                <span className={styles.failMessage}>{message}</span>
              </li>
            ))}
            {failed.length > SHOWN_NAMES ? (
              <li className={styles.more}>and {countKeys(failed.length - SHOWN_NAMES)} more</li>
            ) : null}
          </ul>
        </section>
      ) : null}
      {notRun.length > 0 ? (
        <section aria-label="Not run">
          <h3 className={styles.sectionTitle}>
            <CircleSlash size={14} aria-hidden /> Not run (stopped): {countKeys(notRun.length)}
          </h3>
          <KeyNames keys={notRun} label="Not run" />
        </section>
      ) : null}
      {done.length > 0 ? (
        <section aria-label="Done">
          <h3 className={styles.sectionTitle}>
            <Check size={14} aria-hidden /> {action.doneWord[0]?.toUpperCase()}
            {action.doneWord.slice(1)}: {countKeys(done.length)}
          </h3>
          <KeyNames keys={done} label="Done" />
        </section>
      ) : null}
    </div>
  );
}
