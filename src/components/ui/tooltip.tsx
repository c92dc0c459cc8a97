import {
  Children,
  cloneElement,
  createContext,
  isValidElement,
  useContext,
  useEffect,
  useState,
  type ReactElement,
  type ReactNode,
  type SyntheticEvent,
} from 'react';
import { lazyModule, preload } from './lazy-module';

const DelayContext = createContext(700);

/** How long the pointer rests on a trigger before its tooltip shows (ms), for the tree below. */
export function TooltipProvider({
  delayDuration = 700,
  children,
}: {
  delayDuration?: number;
  children: ReactNode;
}) {
  return <DelayContext.Provider value={delayDuration}>{children}</DelayContext.Provider>;
}

// Radix Tooltip (with its positioning code) loads on the first hover or focus of a trigger.
const parts = lazyModule(() => import('./tooltip-parts'));

type Handler = ((event: SyntheticEvent) => void) | undefined;

/**
 * Hover/focus hint (Radix). The trigger must be focusable for keyboard users. Until Radix has
 * loaded, the trigger is the child itself; the tooltip shows after the usual delay on hover,
 * at once on focus, as Radix does.
 */
export function Tooltip({ content, children }: { content: ReactNode; children: ReactNode }) {
  const delay = useContext(DelayContext);
  const loaded = parts.use();
  const [wasLive, setWasLive] = useState(loaded !== null);
  const [wish, setWish] = useState<'hover' | 'focus' | null>(null);
  const [isHovered, setIsHovered] = useState(false);
  // A hover asks for the tip after the usual delay (the pointer still over the trigger).
  useEffect(() => {
    if (!isHovered) return;
    const timer = setTimeout(() => setWish((w) => w ?? 'hover'), delay);
    return () => clearTimeout(timer);
  }, [isHovered, delay]);
  const isLive = wasLive || (loaded !== null && wish !== null);
  if (isLive && !wasLive) setWasLive(true);
  if (isLive && loaded) {
    return (
      <loaded.LiveTooltip
        content={content}
        delayDuration={delay}
        isOpenAtStart={wish === 'hover'}
        isFocused={wish === 'focus'}
      >
        {children}
      </loaded.LiveTooltip>
    );
  }
  if (!isValidElement(children)) return children;
  const child = Children.only(children) as ReactElement<Record<string, Handler>>;
  const chain = (name: string, ours: () => void) => (event: SyntheticEvent) => {
    child.props[name]?.(event);
    ours();
  };
  return cloneElement(child, {
    onPointerEnter: chain('onPointerEnter', () => {
      preload(parts);
      setIsHovered(true);
    }),
    onPointerLeave: chain('onPointerLeave', () => {
      setIsHovered(false);
      setWish((w) => (w === 'hover' ? null : w));
    }),
    onFocus: chain('onFocus', () => {
      preload(parts);
      setWish('focus');
    }),
    onBlur: chain('onBlur', () => setWish((w) => (w === 'focus' ? null : w))),
  });
}
