import type * as Radix from '@radix-ui/react-popover';
import { createContext, useContext, type ComponentProps } from 'react';
import { PlaceholderTrigger, useLiveRoot } from './first-open';
import { lazyModule, preload } from './lazy-module';

/**
 * The console's popover: Radix Popover with the shared floating-panel look (the same surface as
 * menus). For a panel of controls (a form, a set of choices); a list of actions is a Menu.
 *
 * As with menus (dropdown-menu.tsx), Radix loads on first use: until then the popover is its
 * trigger, which loads the rest on pointer-over or focus and opens the popover on the click
 * that opens a Radix popover.
 */
const parts = lazyModule(() => import('./popover-parts'));

interface Placeholder {
  open: () => void;
}
const PlaceholderContext = createContext<Placeholder | null>(null);

export function Popover({
  open,
  defaultOpen,
  onOpenChange,
  children,
  ...props
}: ComponentProps<typeof Radix.Root>) {
  const { live, isAsked, ask } = useLiveRoot(parts, open, onOpenChange);
  if (live) {
    return (
      <PlaceholderContext.Provider value={null}>
        <live.Root
          open={open}
          defaultOpen={defaultOpen ?? isAsked}
          onOpenChange={onOpenChange}
          {...props}
        >
          {children}
        </live.Root>
      </PlaceholderContext.Provider>
    );
  }
  return (
    <PlaceholderContext.Provider value={{ open: ask }}>{children}</PlaceholderContext.Provider>
  );
}

export function PopoverTrigger(props: ComponentProps<typeof Radix.Trigger>) {
  const placeholder = useContext(PlaceholderContext);
  const loaded = parts.get();
  if (placeholder || !loaded) {
    return (
      <PlaceholderTrigger
        props={props}
        popup="dialog"
        opensOn="click"
        onPreload={() => preload(parts)}
        onOpen={placeholder?.open ?? (() => undefined)}
      />
    );
  }
  return <loaded.Trigger {...props} />;
}

/** The panel, in a portal; placed below the trigger, aligned to its start, unless told. */
export function PopoverContent(props: ComponentProps<typeof Radix.Content>) {
  const placeholder = useContext(PlaceholderContext);
  const loaded = parts.get();
  return placeholder || !loaded ? null : <loaded.Content {...props} />;
}
