import { Check, ChevronDown } from 'lucide-react';
import { Button } from '@/components/ui/button';
import {
  Menu,
  MenuCheckboxItem,
  MenuContent,
  MenuItem,
  MenuLabel,
  MenuSeparator,
  MenuTrigger,
} from '@/components/ui/dropdown-menu';
import styles from './key-list.module.css';

export interface FacetOption<T extends string> {
  value: T;
  label: string;
  count: number;
}

/** A facet as a menu of checkboxes with live counts; it stays open while ticking. */
export function FacetMenu<T extends string>({
  label,
  options,
  selected,
  onChange,
  disabled = false,
}: {
  label: string;
  disabled?: boolean;
  options: readonly FacetOption<T>[];
  selected: readonly T[];
  onChange: (values: T[]) => void;
}) {
  const isActive = selected.length > 0;
  return (
    <Menu modal={false}>
      <MenuTrigger asChild>
        <Button
          variant="secondary"
          disabled={disabled}
          className={styles.facetButton}
          data-active={isActive}
          aria-label={`Filter by ${label.toLowerCase()}${isActive ? `: ${selected.length} selected` : ''}`}
        >
          {label}
          {isActive ? <span className={styles.facetBadge}>{selected.length}</span> : null}
          <ChevronDown size={14} aria-hidden />
        </Button>
      </MenuTrigger>
      <MenuContent>
        <MenuLabel>{label}</MenuLabel>
        {options.map((o) => {
          const isChecked = selected.includes(o.value);
          return (
            <MenuCheckboxItem
              key={o.value}
              checked={isChecked}
              onSelect={(e) => e.preventDefault()}
              onCheckedChange={(checked) =>
                onChange(
                  options
                    .map((x) => x.value)
                    .filter((v) => (v === o.value ? checked === true : selected.includes(v))),
                )
              }
              icon={
                <span className={styles.checkbox} aria-hidden>
                  {isChecked ? <Check size={12} strokeWidth={3} /> : null}
                </span>
              }
              hint={<span className={styles.facetCount}>{o.count.toLocaleString('en')}</span>}
            >
              {o.label}
            </MenuCheckboxItem>
          );
        })}
        {isActive ? (
          <>
            <MenuSeparator />
            <MenuItem onSelect={() => onChange([])}>Clear {label.toLowerCase()}</MenuItem>
          </>
        ) : null}
      </MenuContent>
    </Menu>
  );
}
