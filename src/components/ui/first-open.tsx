import {
  Children,
  cloneElement,
  createContext,
  isValidElement,
  useEffect,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
  type SyntheticEvent,
} from 'react';
import { preload, type LazyModule } from './lazy-module';

/**
 * What the UI kit's lazily loaded primitives (menus, popovers) share: a trigger that looks and
 * behaves as the closed primitive's until its code has loaded, and what the first opening needs
 * to know once it has (was it opened from the keyboard?).
 */

export type InputKind = 'keyboard' | 'pointer';

let lastInput: InputKind = 'pointer';
let isTracking = false;
const onKey = () => (lastInput = 'keyboard');
const onPointer = () => (lastInput = 'pointer');

/** Follows whether the last input was a key or a pointer (capture phase: before any handler). */
export function useInputTracking(): void {
  useEffect(() => {
    if (isTracking) return;
    isTracking = true;
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer, true);
  }, []);
}

export const currentInput = (): InputKind => lastInput;

/** How a primitive was first opened, read once by its content when it takes focus. */
export interface FirstOpen {
  set: (kind: InputKind) => void;
  take: () => InputKind | null;
}

export function createFirstOpen(): FirstOpen {
  let kind: InputKind | null = null;
  return {
    set: (k) => (kind = k),
    take: () => {
      const k = kind;
      kind = null;
      return k;
    },
  };
}

export const FirstOpenContext = createContext<FirstOpen | null>(null);

/** Focuses a menu's first item that can be chosen (what a keyboard opening does). */
export function focusFirstItem(content: EventTarget | null): void {
  if (!(content instanceof HTMLElement)) return;
  const first = content.querySelector<HTMLElement>('[role^="menuitem"]:not([data-disabled])');
  (first ?? content).focus({ preventScroll: true });
}

/**
 * A lazily loaded primitive's root: it goes live (renders Radix) when its module is there and it
 * is asked to open (by its trigger: `ask`, or by an `open` prop), or at once when the module was
 * already there at mount; once live it stays so. `onLive` runs as it goes live.
 */
export function useLiveRoot<M>(
  module: LazyModule<M>,
  open: boolean | undefined,
  onOpenChange: ((open: boolean) => void) | undefined,
  onLive?: () => void,
): { live: M | null; isAsked: boolean; ask: () => void } {
  const loaded = module.use();
  const [isAsked, setIsAsked] = useState(false);
  const [wasLive, setWasLive] = useState(loaded !== null);
  const wantsOpen = isAsked || open === true;
  useEffect(() => {
    if (wantsOpen) preload(module);
  }, [module, wantsOpen]);
  const isLive = wasLive || (loaded !== null && wantsOpen);
  if (isLive && !wasLive) {
    onLive?.();
    setWasLive(true);
  }
  const ask = () => {
    setIsAsked(true);
    onOpenChange?.(true);
  };
  return { live: isLive ? loaded : null, isAsked, ask };
}

type Handler<E> = ((event: E) => void) | undefined;

/** The caller's handler first, then the trigger's own unless the caller prevented it. */
function compose<E extends SyntheticEvent>(theirs: Handler<E>, own: Handler<E>, ours: Handler<E>) {
  return (event: E) => {
    theirs?.(event);
    if (!event.defaultPrevented) own?.(event);
    if (!event.defaultPrevented) ours?.(event);
  };
}

export interface PlaceholderTriggerProps {
  asChild?: boolean | undefined;
  children?: ReactNode;
  disabled?: boolean | undefined;
  className?: string | undefined;
}

/**
 * A closed primitive's trigger, before the primitive has loaded: the same element with the same
 * ARIA state, which loads the primitive on pointer-over or focus and asks it to open on the
 * gesture the primitive itself opens on (`opensOn`: a press for menus, a click for popovers).
 */
export function PlaceholderTrigger({
  props: { asChild, children, ...rest },
  popup,
  opensOn,
  onPreload,
  onOpen,
}: {
  props: PlaceholderTriggerProps;
  popup: 'menu' | 'dialog';
  opensOn: 'press' | 'click';
  onPreload: () => void;
  onOpen: () => void;
}) {
  const props = rest as Record<string, unknown>;
  const isDisabled = Boolean(props.disabled);
  const ours = {
    onPointerEnter: onPreload,
    onFocus: onPreload,
    ...(opensOn === 'press'
      ? {
          onPointerDown: (event: PointerEvent) => {
            if (isDisabled || event.button !== 0 || event.ctrlKey) return;
            event.preventDefault(); // as the menu does: focus goes to the menu, not the button
            onOpen();
          },
          onKeyDown: (event: KeyboardEvent) => {
            if (isDisabled || !['Enter', ' ', 'ArrowDown'].includes(event.key)) return;
            event.preventDefault();
            onOpen();
          },
        }
      : { onClick: () => (isDisabled ? undefined : onOpen()) }),
  } as Record<string, Handler<SyntheticEvent>>;
  const child = asChild && isValidElement(children) ? Children.only(children) : null;
  const childProps = (child?.props ?? {}) as Record<string, unknown>;
  const merged: Record<string, unknown> = {
    type: 'button',
    'aria-haspopup': popup,
    'aria-expanded': false,
    'data-state': 'closed',
    ...(isDisabled ? { 'data-disabled': '' } : {}),
    ...props,
    ...childProps,
  };
  const className = [props.className, childProps.className].filter(Boolean).join(' ');
  if (className) merged.className = className;
  for (const [name, handler] of Object.entries(ours)) {
    merged[name] = compose(
      childProps[name] as Handler<SyntheticEvent>,
      props[name] as Handler<SyntheticEvent>,
      handler,
    );
  }
  if (child) return cloneElement(child as ReactElement<Record<string, unknown>>, merged);
  return <button {...merged}>{children}</button>;
}
