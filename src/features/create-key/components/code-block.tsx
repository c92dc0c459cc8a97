import type { ReactNode } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import styles from './code-block.module.css';

/** Monospaced, scrollable text with a copy button (commands, PEM, request bodies). */
export function CodeBlock({
  code,
  label,
  actions,
  maxHeight,
}: {
  code: string;
  /** What it is, for the copy button's accessible name and the region's label. */
  label: string;
  actions?: ReactNode;
  maxHeight?: number;
}) {
  return (
    <div className={styles.block}>
      <div className={styles.tools}>
        {actions}
        <CopyButton value={code} label={label} />
      </div>
      <pre
        className={styles.pre}
        style={maxHeight ? { maxHeight } : undefined}
        aria-label={label}
        tabIndex={0}
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}
