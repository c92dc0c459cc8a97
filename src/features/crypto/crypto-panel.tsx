import { Link, useNavigate } from '@tanstack/react-router';
import { Ban, Info } from 'lucide-react';
import { useId, useState } from 'react';
import { KEY_TYPE_INFO, type Key } from '@/contract';
import type { CryptoOperation, CryptoSearch } from './crypto-search';
import { disabledReason, operationInfo, operationsFor, resolveOperation } from './lib/operations';
import { TOOLS } from './tools/registry';
import type { Handoff } from './tools/types';
import styles from './crypto-panel.module.css';

/**
 * The key page's crypto tab: the operations this key type supports, one at a time, the chosen one
 * in the URL (`?op=`). Inputs and results live only in this component tree: they are dropped when
 * the tab is left, and never reach the URL, the query cache or a log.
 */
export function CryptoPanel({
  region,
  cryptoKey,
  search,
}: {
  region: string;
  cryptoKey: Key;
  search: CryptoSearch;
}) {
  const titleId = useId();
  const [handoff, setHandoff] = useState<(Handoff & { seq: number }) | null>(null);
  const routerNavigate = useNavigate();
  const navigate = (next: CryptoOperation) =>
    void routerNavigate({ to: '.', search: (prev: CryptoSearch) => ({ ...prev, op: next }) });
  const info = KEY_TYPE_INFO[cryptoKey.keyType];
  const ops = operationsFor(cryptoKey.keyType);
  const { op, isUnsupported } = resolveOperation(cryptoKey.keyType, search.op);
  const reason = disabledReason(cryptoKey);
  const Tool = TOOLS[op];
  const initial = handoff && handoff.op === op ? handoff : null;

  return (
    <section className={styles.panel} aria-labelledby={titleId} data-crypto-panel="">
      <div className={styles.head}>
        <div>
          <h2 id={titleId} className={styles.title}>
            Crypto tools
          </h2>
          <p className={styles.lead}>
            Try this {info.label} key. Inputs and results stay in this tab and are cleared when you
            leave it.
          </p>
        </div>
      </div>
      {reason ? (
        <div className={styles.blocked} role="note">
          <Ban size={18} aria-hidden />
          <div>
            <strong>Crypto is unavailable for this key.</strong> {reason}
          </div>
        </div>
      ) : null}
      {isUnsupported && search.op ? (
        <p className={styles.notice} role="note">
          <Info size={16} aria-hidden /> {operationInfo(search.op).label} is not available for{' '}
          {info.label} keys; showing {operationInfo(op).label}.
        </p>
      ) : null}
      <nav aria-label="Crypto operation" className={styles.opNav}>
        {ops.map((o) => (
          <Link
            key={o}
            to="."
            search={(prev: CryptoSearch) => ({ ...prev, op: o })}
            className={styles.opLink}
            aria-current={o === op ? 'page' : undefined}
            onClick={() => setHandoff(null)}
          >
            {operationInfo(o).label}
          </Link>
        ))}
      </nav>
      <div className={styles.tool}>
        <div className={styles.toolHead}>
          <h3 className={styles.toolTitle}>{operationInfo(op).label}</h3>
          <p className={styles.toolSummary}>{operationInfo(op).summary}</p>
        </div>
        <Tool
          key={`${cryptoKey.identity}:${op}:${initial?.seq ?? 0}`}
          region={region}
          cryptoKey={cryptoKey}
          disabledReason={reason}
          initial={initial}
          onHandoff={(next) => {
            setHandoff({ ...next, seq: (handoff?.seq ?? 0) + 1 });
            navigate(next.op);
          }}
        />
      </div>
    </section>
  );
}
