import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from './button';

/** Copies text to the clipboard; says so for screen readers. */
export function CopyButton({
  value,
  label,
  size = 'small',
  hasText = false,
  tabIndex,
}: {
  value: string;
  /** What is copied, e.g. "identity": used in the accessible name. */
  label: string;
  size?: 'small' | 'medium';
  hasText?: boolean;
  /** For roving focus in tables (e.g. -1 on rows that are not the tab stop). */
  tabIndex?: number;
}) {
  const [isCopied, setIsCopied] = useState(false);
  useEffect(() => {
    if (!isCopied) return;
    const t = setTimeout(() => setIsCopied(false), 1500);
    return () => clearTimeout(t);
  }, [isCopied]);
  const Icon = isCopied ? Check : Copy;
  return (
    <Button
      variant="ghost"
      size={size}
      isIconOnly={!hasText}
      aria-label={isCopied ? `Copied ${label}` : `Copy ${label}`}
      title={isCopied ? 'Copied' : `Copy ${label}`}
      tabIndex={tabIndex}
      onClick={(e) => {
        e.stopPropagation();
        void navigator.clipboard?.writeText(value).then(
          () => setIsCopied(true),
          () => setIsCopied(false),
        );
      }}
    >
      <Icon size={14} aria-hidden />
      {hasText ? (isCopied ? 'Copied' : 'Copy') : null}
      <span className="visually-hidden" aria-live="polite">
        {isCopied ? 'Copied' : ''}
      </span>
    </Button>
  );
}
