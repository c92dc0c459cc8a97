// Runs before first paint (no inline script: the CSP forbids it). Applies the remembered theme
// choice ("light" | "dark" | "system"), following the OS for "system" or no choice.
(function () {
  var choice = 'system';
  try {
    choice = localStorage.getItem('kms.theme') || 'system';
  } catch (e) {
    /* storage unavailable: follow the OS */
  }
  var dark =
    choice === 'dark' ||
    (choice !== 'light' &&
      window.matchMedia &&
      window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
})();
