import { CheckCircle2, CircleSlash, Loader2, TriangleAlert, XCircle } from 'lucide-react';
import type { ReactNode } from 'react';
import styles from './crypto-ui.module.css';

export type VerdictTone = 'valid' | 'invalid' | 'neutral' | 'warning' | 'pending';

const ICONS = {
  valid: CheckCircle2,
  invalid: XCircle,
  neutral: CircleSlash,
  warning: TriangleAlert,
  pending: Loader2,
};

/** An unmistakable result: icon, colour and words together (never colour alone). */
export function Verdict({
  source,
  tone,
  title,
  children,
}: {
  /** Who says so: "KMS", "Browser (WebCrypto)". */
  source: string;
  tone: VerdictTone;
  title: string;
  children?: ReactNode;
}) {
  const Icon = ICONS[tone];
  return (
    <div className={`${styles.verdict} ${styles[`verdict-${tone}`]}`} data-verdict={tone}>
      <Icon size={28} aria-hidden className={tone === 'pending' ? 'spin' : undefined} />
      <div>
        <div className={styles.verdictSource}>{source}</div>
        <div className={styles.verdictTitle}>{title}</div>
        {children ? <div className={styles.verdictDetail}>{children}</div> : null}
      </div>
    </div>
  );
}
