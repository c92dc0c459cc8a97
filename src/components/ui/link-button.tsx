import { forwardRef, type ButtonHTMLAttributes } from 'react';
import { cx } from './class-names';
import styles from './link-button.module.css';

export interface LinkButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Set in running text: takes the text's font, no padding. */
  isInline?: boolean;
}

/** An action that looks like a link (accent text, underlined on hover), e.g. "Clear filters". */
export const LinkButton = forwardRef<HTMLButtonElement, LinkButtonProps>(function LinkButton(
  { isInline, className, type = 'button', ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      className={cx(styles.linkButton, isInline && styles.inline, className)}
      {...rest}
    />
  );
});
