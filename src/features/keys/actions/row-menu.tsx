import { MoreHorizontal } from 'lucide-react';
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import { Menu, MenuTrigger } from '@/components/ui/dropdown-menu';
import { lazyModule, preload } from '@/components/ui/lazy-module';
import type { RowMenuContentProps } from './row-menu-content';

/** The open menu's items, icons and copy helpers: loaded when a row menu is first pointed at. */
const content = lazyModule(() => import('./row-menu-content'));
const preloadContent = () => preload(content);

export interface RowMenuProps extends RowMenuContentProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  tabIndex: number;
}

/**
 * A row's action menu: its button in every rendered row, its content only while open (a closed
 * menu costs the list one button; the content's code loads with the first menu used).
 */
export function RowMenu({
  kmsKey,
  region,
  isOpen,
  onOpenChange,
  onAction,
  tabIndex,
}: RowMenuProps) {
  const loaded = content.use();
  useEffect(() => {
    if (isOpen) preloadContent();
  }, [isOpen]);
  return (
    <Menu open={isOpen} onOpenChange={onOpenChange}>
      <MenuTrigger asChild>
        <Button
          variant="ghost"
          size="small"
          isIconOnly
          aria-label={`Actions for ${kmsKey.name}`}
          title="Actions (Shift+F10)"
          tabIndex={tabIndex}
          data-row-menu={kmsKey.identity}
          onPointerEnter={preloadContent}
          onFocus={preloadContent}
        >
          <MoreHorizontal size={16} aria-hidden />
        </Button>
      </MenuTrigger>
      {isOpen && loaded ? (
        <loaded.RowMenuContent kmsKey={kmsKey} region={region} onAction={onAction} />
      ) : null}
    </Menu>
  );
}
