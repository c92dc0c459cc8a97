import { RadioGroup, RadioGroupItem } from './radio-group';
import styles from './segmented.module.css';

export interface SegmentOption<T extends string> {
  value: T;
  label: string;
  isDisabled?: boolean;
  title?: string;
}

/** A compact single choice (Radix radio group: arrow keys move between options). */
export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
  isDisabled = false,
}: {
  label: string;
  value: T;
  options: SegmentOption<T>[];
  onChange: (value: T) => void;
  isDisabled?: boolean;
}) {
  return (
    <RadioGroup
      className={styles.segmented}
      aria-label={label}
      value={value}
      orientation="horizontal"
      disabled={isDisabled}
      onValueChange={(next) => {
        const option = options.find((o) => o.value === next);
        if (option) onChange(option.value);
      }}
    >
      {options.map((o) => (
        <RadioGroupItem
          key={o.value}
          value={o.value}
          className={styles.segment}
          disabled={o.isDisabled}
          title={o.title}
        >
          {o.label}
        </RadioGroupItem>
      ))}
    </RadioGroup>
  );
}
