// Placeholder: the header region switcher is built in issue 4.
export function RegionSwitcher() {
  return null;
}
