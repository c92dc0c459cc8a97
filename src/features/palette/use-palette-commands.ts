import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTheme, type ThemeChoice } from '@/components/layout/use-theme';
import type { PaletteCommand } from './palette-commands';
import type { KnownRegion } from './use-key-sources';

const THEMES: { value: ThemeChoice; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
];

/**
 * The palette's commands: go to each region's keys, create a key in each region (in the scope in
 * use), the regions overview, audit log and calendar, the theme, and sign out. Each closes the
 * palette first.
 */
export function usePaletteCommands({
  regions,
  onSignOut,
  close,
}: {
  regions: readonly KnownRegion[];
  onSignOut: () => void;
  close: () => void;
}): PaletteCommand[] {
  const navigate = useNavigate();
  const { choice, setChoice } = useTheme();
  return useMemo(() => {
    const go = (run: () => void) => () => {
      close();
      run();
    };
    return [
      ...regions.map((r): PaletteCommand => ({
        id: `region:${r.slug}`,
        label: `Go to region ${r.name}`,
        hint: r.slug,
        keywords: 'keys list open',
        icon: 'region',
        run: go(() => void navigate({ to: '/regions/$region/keys', params: { region: r.slug } })),
      })),
      ...regions.map((r): PaletteCommand => ({
        id: `create:${r.slug}`,
        label: `Create key in ${r.name}`,
        hint: r.slug,
        keywords: 'new add key',
        icon: 'create',
        run: go(
          () => void navigate({ to: '/regions/$region/keys/new', params: { region: r.slug } }),
        ),
      })),
      {
        id: 'go:regions',
        label: 'Go to regions overview',
        keywords: 'home summary',
        icon: 'regions',
        run: go(() => void navigate({ to: '/regions' })),
      },
      {
        id: 'go:audit',
        label: 'Go to audit log',
        keywords: 'events history activity',
        icon: 'audit',
        run: go(() => void navigate({ to: '/audit' })),
      },
      {
        id: 'go:calendar',
        label: 'Go to calendar',
        keywords: 'rotation rotations purge deletion schedule upcoming week',
        icon: 'calendar',
        run: go(() => void navigate({ to: '/calendar' })),
      },
      ...THEMES.map((t): PaletteCommand => ({
        id: `theme:${t.value}`,
        label: `Theme: ${t.label}`,
        ...(choice === t.value ? { hint: 'in use' } : {}),
        keywords: 'appearance dark light mode colour color',
        icon: 'theme',
        run: go(() => setChoice(t.value)),
      })),
      {
        id: 'sign-out',
        label: 'Sign out',
        keywords: 'log out logout exit',
        icon: 'sign-out',
        run: go(onSignOut),
      },
    ];
  }, [regions, navigate, choice, setChoice, onSignOut, close]);
}
