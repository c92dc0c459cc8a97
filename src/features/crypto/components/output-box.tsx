import { Download } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { TextArea } from '@/components/ui/field';
import { downloadText } from '@/lib/download';
import styles from './crypto-ui.module.css';

/** A result string (ciphertext, signature, HMAC) with copy, download and follow-up actions. */
export function OutputBox({
  label,
  value,
  keyVersion,
  filename,
  actions,
}: {
  label: string;
  value: string;
  keyVersion?: string;
  filename: string;
  actions?: ReactNode;
}) {
  const id = useId();
  return (
    <div className={styles.output}>
      <div className={styles.outputHead}>
        <h3 id={id} className={styles.outputTitle}>
          {label}
        </h3>
        {keyVersion ? <Badge tone="accent">version {keyVersion}</Badge> : null}
        <div className={styles.outputActions}>
          <CopyButton value={value} label={label.toLowerCase()} hasText />
          <Button
            size="small"
            variant="ghost"
            onClick={() => downloadText(filename, value)}
            aria-label={`Download ${label.toLowerCase()}`}
          >
            <Download size={14} aria-hidden /> Download
          </Button>
        </div>
      </div>
      <TextArea
        className={styles.outputValue}
        aria-labelledby={id}
        value={value}
        readOnly
        isMono
        rows={Math.min(8, Math.max(2, Math.ceil(value.length / 96)))}
        spellCheck={false}
      />
      {actions ? <div className={styles.followUps}>{actions}</div> : null}
    </div>
  );
}
