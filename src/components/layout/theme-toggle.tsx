import { Monitor, Moon, Sun } from 'lucide-react';
import { Button } from '@/components/ui/button';
import {
  Menu,
  MenuContent,
  MenuLabel,
  MenuRadioGroup,
  MenuRadioItem,
  MenuTrigger,
} from '@/components/ui/dropdown-menu';
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
    <Menu modal={false}>
      <MenuTrigger asChild>
        <Button
          variant="ghost"
          isIconOnly={!isLabelled}
          aria-label={`Theme: ${current.label}`}
          title={isLabelled ? undefined : `Theme: ${current.label}`}
        >
          <current.Icon size={16} aria-hidden />
          {isLabelled ? <span aria-hidden>Theme: {current.label}</span> : null}
        </Button>
      </MenuTrigger>
      <MenuContent align={isLabelled ? 'start' : 'end'}>
        <MenuLabel>Theme</MenuLabel>
        <MenuRadioGroup value={choice} onValueChange={(v) => setChoice(v as ThemeChoice)}>
          {OPTIONS.map(({ value, label, Icon }) => (
            <MenuRadioItem key={value} value={value} icon={<Icon size={14} aria-hidden />}>
              {label}
            </MenuRadioItem>
          ))}
        </MenuRadioGroup>
      </MenuContent>
    </Menu>
  );
}
