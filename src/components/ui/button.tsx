import { forwardRef, type ButtonHTMLAttributes } from 'react';
import styles from './button.module.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'medium' | 'small';
  /** Square icon-only button: give it an aria-label. */
  isIconOnly?: boolean;
}

export function buttonClassName({
  variant = 'secondary',
  size = 'medium',
  isIconOnly = false,
  className,
}: Pick<ButtonProps, 'variant' | 'size' | 'isIconOnly' | 'className'> = {}): string {
  return [
    styles.button,
    styles[variant],
    size === 'small' ? styles.small : '',
    isIconOnly ? styles.icon : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant, size, isIconOnly, className, type = 'button', ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      className={buttonClassName({ variant, size, isIconOnly, className })}
      {...rest}
    />
  );
});
