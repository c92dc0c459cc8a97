// Placeholder: the organisation/project scope switcher is built in issue 4.
export function ScopeSwitcher() {
  return null;
}
