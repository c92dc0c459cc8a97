import { ShieldAlert, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import styles from './availability-notice.module.css';

/** Says that export was turned off again, and why; the person can dismiss it. */
export function ExportRevokedNotice({
  reason,
  onDismiss,
}: {
  reason: string;
  onDismiss: () => void;
}) {
  return (
    <div className={`${styles.notice} ${styles.warning}`} role="status">
      <ShieldAlert size={16} aria-hidden />
      <div className={styles.grow}>{reason}</div>
      <Button
        size="small"
        variant="ghost"
        isIconOnly
        aria-label="Dismiss notice"
        onClick={onDismiss}
      >
        <X size={14} aria-hidden />
      </Button>
    </div>
  );
}
