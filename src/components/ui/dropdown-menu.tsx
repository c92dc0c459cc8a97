import type * as Radix from '@radix-ui/react-dropdown-menu';
import { createContext, useContext, useState, type ComponentProps } from 'react';
import {
  createFirstOpen,
  currentInput,
  FirstOpenContext,
  PlaceholderTrigger,
  useInputTracking,
  useLiveRoot,
} from './first-open';
import { lazyModule, preload } from './lazy-module';

/**
 * The console's dropdown menu: Radix DropdownMenu with the shared look. Features compose these
 * parts instead of styling Radix themselves.
 *
 * Radix (with its positioning, focus and dismissal code) loads on first use: until then a menu
 * is its trigger, which loads the rest when the pointer comes over it or it takes focus, and
 * opens the menu on the press that opens a Radix menu (once loaded: at once on a fast line).
 * A menu whose module is already there mounts as Radix straight away.
 */
const parts = lazyModule(() => import('./dropdown-menu-parts'));

interface Placeholder {
  preload: () => void;
  open: () => void;
}
const PlaceholderContext = createContext<Placeholder | null>(null);

type Props<K extends 'Root' | 'Trigger' | 'Content' | 'Group' | 'RadioGroup' | 'Label'> =
  ComponentProps<(typeof Radix)[K]>;

export function Menu({ open, defaultOpen, onOpenChange, children, ...props }: Props<'Root'>) {
  useInputTracking();
  const [firstOpen] = useState(createFirstOpen);
  const { live, isAsked, ask } = useLiveRoot(parts, open, onOpenChange, () =>
    firstOpen.set(currentInput()),
  );
  if (live) {
    return (
      <PlaceholderContext.Provider value={null}>
        <FirstOpenContext.Provider value={firstOpen}>
          <live.Root
            open={open}
            defaultOpen={defaultOpen ?? isAsked}
            onOpenChange={onOpenChange}
            {...props}
          >
            {children}
          </live.Root>
        </FirstOpenContext.Provider>
      </PlaceholderContext.Provider>
    );
  }
  const placeholder: Placeholder = { preload: () => preload(parts), open: ask };
  return <PlaceholderContext.Provider value={placeholder}>{children}</PlaceholderContext.Provider>;
}

export function MenuTrigger(props: Props<'Trigger'>) {
  const placeholder = useContext(PlaceholderContext);
  const loaded = parts.get();
  if (placeholder || !loaded) {
    return (
      <PlaceholderTrigger
        props={props}
        popup="menu"
        opensOn="press"
        onPreload={placeholder?.preload ?? (() => preload(parts))}
        onOpen={placeholder?.open ?? (() => undefined)}
      />
    );
  }
  return <loaded.Trigger {...props} />;
}

/** The menu's panel, below its trigger, aligned to its start unless told. */
export function MenuContent(props: Props<'Content'>) {
  const placeholder = useContext(PlaceholderContext);
  const loaded = parts.get();
  return placeholder || !loaded ? null : <loaded.Content {...props} />;
}

// The parts below render only inside an open menu's content, so the module is always there.
export function MenuGroup(props: Props<'Group'>) {
  const loaded = parts.get();
  return loaded ? <loaded.Group {...props} /> : null;
}

export function MenuRadioGroup(props: Props<'RadioGroup'>) {
  const loaded = parts.get();
  return loaded ? <loaded.RadioGroup {...props} /> : null;
}

export function MenuLabel(props: Props<'Label'>) {
  const loaded = parts.get();
  return loaded ? <loaded.Label {...props} /> : null;
}

export function MenuSeparator() {
  const loaded = parts.get();
  return loaded ? <loaded.Separator /> : null;
}

/** An item: an optional icon, its text, and an optional hint at the end (a shortcut, a count). */
export function MenuItem(props: ComponentProps<typeof import('./dropdown-menu-parts').Item>) {
  const loaded = parts.get();
  return loaded ? <loaded.Item {...props} /> : null;
}

/** A radio item with a check mark on the chosen one. */
export function MenuRadioItem(
  props: ComponentProps<typeof import('./dropdown-menu-parts').RadioItem>,
) {
  const loaded = parts.get();
  return loaded ? <loaded.RadioItem {...props} /> : null;
}

/**
 * A checkbox item: `icon` is where the caller draws the box (Radix gives the item
 * `data-state="checked"`); `preventDefault` onSelect keeps the menu open while ticking.
 */
export function MenuCheckboxItem(
  props: ComponentProps<typeof import('./dropdown-menu-parts').CheckboxItem>,
) {
  const loaded = parts.get();
  return loaded ? <loaded.CheckboxItem {...props} /> : null;
}
