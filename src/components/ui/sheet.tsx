import { PlaceholderTrigger, type PlaceholderTriggerProps, useLiveRoot } from './first-open';
import { lazyModule, preload } from './lazy-module';
import type { SheetProps } from './sheet-parts';

export type { SheetProps };

const parts = lazyModule(() => import('./sheet-parts'));

/**
 * A modal panel laid out for navigation or search rather than a form (the phone menu, the
 * palette): Radix Dialog's behaviour with the kit's focus return (sheet-parts.tsx).
 *
 * Like the kit's menus and popovers, Radix loads on first use: until then the sheet is its
 * trigger, which loads the rest on pointer-over or focus and opens the sheet on a click; an
 * opening from elsewhere (a shortcut setting `open`) loads it and opens once it is there.
 */
export function Sheet(props: SheetProps) {
  const { live, ask } = useLiveRoot(parts, props.open, props.onOpenChange);
  if (live) return <live.LiveSheet {...props} />;
  const trigger: PlaceholderTriggerProps = { asChild: true, children: props.trigger };
  return (
    <PlaceholderTrigger
      props={trigger}
      popup="dialog"
      opensOn="click"
      onPreload={() => preload(parts)}
      onOpen={ask}
    />
  );
}
