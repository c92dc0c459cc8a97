import { Search, X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { TextInput } from '@/components/ui/field';
import { LinkButton } from '@/components/ui/link-button';
import styles from './key-list.module.css';

/** The instant search box; "/" focuses it from anywhere on the page, Escape clears it. */
export function KeySearchBox({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      if (
        t instanceof HTMLElement &&
        (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))
      )
        return;
      e.preventDefault();
      ref.current?.focus();
      ref.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className={styles.search} role="search">
      <Search size={15} aria-hidden className={styles.searchIcon} />
      <TextInput
        ref={ref}
        type="search"
        aria-label="Search keys by name, slug, identity or label"
        placeholder="Search name, slug, identity, labels…"
        className={styles.searchInput}
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            onChange('');
          }
        }}
      />
      <span className={styles.searchEnd}>
        {value ? (
          <LinkButton
            aria-label="Clear search"
            onClick={() => {
              onChange('');
              ref.current?.focus();
            }}
          >
            <X size={14} aria-hidden />
          </LinkButton>
        ) : (
          <kbd className={styles.kbd} title="Press / to search">
            /
          </kbd>
        )}
      </span>
    </div>
  );
}
