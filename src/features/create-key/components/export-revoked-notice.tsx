import { ShieldAlert, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
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
    <Notice
      tone="warning"
      icon={<ShieldAlert size={16} aria-hidden />}
      className={styles.notice}
      action={
        <Button
          size="small"
          variant="ghost"
          isIconOnly
          aria-label="Dismiss notice"
          onClick={onDismiss}
        >
          <X size={14} aria-hidden />
        </Button>
      }
    >
      {reason}
    </Notice>
  );
}
