import { useId, type ReactNode } from 'react';
import { Switch } from '@/components/ui/switch';
import styles from './toggle-row.module.css';

/** A labelled on/off switch (Radix) with an explanation under the label. */
export function ToggleRow({
  label,
  description,
  badge,
  checked,
  onCheckedChange,
  disabled,
  tone = 'accent',
}: {
  label: ReactNode;
  description?: ReactNode;
  badge?: ReactNode;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean;
  tone?: 'accent' | 'danger';
}) {
  const id = useId();
  return (
    <div className={styles.row}>
      <div className={styles.text}>
        <div className={styles.labelRow}>
          <label htmlFor={id} className={styles.label}>
            {label}
          </label>
          {badge}
        </div>
        {description ? (
          <div id={`${id}-description`} className={styles.description}>
            {description}
          </div>
        ) : null}
      </div>
      <Switch
        id={id}
        tone={tone}
        checked={checked}
        onCheckedChange={onCheckedChange}
        disabled={disabled}
        aria-describedby={description ? `${id}-description` : undefined}
      />
    </div>
  );
}
