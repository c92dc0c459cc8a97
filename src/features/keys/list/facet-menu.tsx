import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Check, ChevronDown } from 'lucide-react';
import { Button } from '@/components/ui/button';
import menu from '@/components/ui/menu.module.css';
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
}: {
  label: string;
  options: readonly FacetOption<T>[];
  selected: readonly T[];
  onChange: (values: T[]) => void;
}) {
  const isActive = selected.length > 0;
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <Button
          variant="secondary"
          className={styles.facetButton}
          data-active={isActive}
          aria-label={`Filter by ${label.toLowerCase()}${isActive ? `: ${selected.length} selected` : ''}`}
        >
          {label}
          {isActive ? <span className={styles.facetBadge}>{selected.length}</span> : null}
          <ChevronDown size={14} aria-hidden />
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className={menu.content} align="start" sideOffset={6}>
          <DropdownMenu.Label className={menu.label}>{label}</DropdownMenu.Label>
          {options.map((o) => {
            const isChecked = selected.includes(o.value);
            return (
              <DropdownMenu.CheckboxItem
                key={o.value}
                className={menu.item}
                checked={isChecked}
                onSelect={(e) => e.preventDefault()}
                onCheckedChange={(checked) =>
                  onChange(
                    options
                      .map((x) => x.value)
                      .filter((v) => (v === o.value ? checked === true : selected.includes(v))),
                  )
                }
              >
                <span className={styles.checkbox} aria-hidden>
                  {isChecked ? <Check size={12} strokeWidth={3} /> : null}
                </span>
                <span className={menu.itemText}>{o.label}</span>
                <span className={styles.facetCount}>{o.count.toLocaleString('en')}</span>
              </DropdownMenu.CheckboxItem>
            );
          })}
          {isActive ? (
            <>
              <DropdownMenu.Separator className={menu.separator} />
              <DropdownMenu.Item className={menu.item} onSelect={() => onChange([])}>
                <span className={menu.itemText}>Clear {label.toLowerCase()}</span>
              </DropdownMenu.Item>
            </>
          ) : null}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
