import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { Check, Monitor, Moon, Sun } from 'lucide-react';
import { Button } from '@/components/ui/button';
import menu from '@/components/ui/menu.module.css';
import { useTheme, type ThemeChoice } from './use-theme';

const OPTIONS: { value: ThemeChoice; label: string; Icon: typeof Sun }[] = [
  { value: 'light', label: 'Light', Icon: Sun },
  { value: 'dark', label: 'Dark', Icon: Moon },
  { value: 'system', label: 'System', Icon: Monitor },
];

/**
 * Theme menu: light, dark or follow the OS; the choice is remembered. An icon button in the
 * header; `isLabelled` shows the choice as text too (in the narrow-screen menu).
 */
export function ThemeToggle({ isLabelled = false }: { isLabelled?: boolean }) {
  const { choice, setChoice } = useTheme();
  const current = OPTIONS.find((o) => o.value === choice) ?? OPTIONS[2]!;
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <Button
          variant="ghost"
          isIconOnly={!isLabelled}
          aria-label={`Theme: ${current.label}`}
          title={isLabelled ? undefined : `Theme: ${current.label}`}
        >
          <current.Icon size={16} aria-hidden />
          {isLabelled ? <span aria-hidden>Theme: {current.label}</span> : null}
        </Button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className={menu.content}
          align={isLabelled ? 'start' : 'end'}
          sideOffset={6}
        >
          <DropdownMenu.Label className={menu.label}>Theme</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={choice}
            onValueChange={(v) => setChoice(v as ThemeChoice)}
          >
            {OPTIONS.map(({ value, label, Icon }) => (
              <DropdownMenu.RadioItem key={value} value={value} className={menu.item}>
                <Icon size={14} aria-hidden />
                <span className={menu.itemText}>{label}</span>
                <DropdownMenu.ItemIndicator>
                  <Check size={14} aria-hidden />
                </DropdownMenu.ItemIndicator>
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
