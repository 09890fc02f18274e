// Runs before first paint (a classic script, not a module) so a light-theme reader never
// sees a dark flash; it is a file, not inline, so the page's CSP can forbid inline scripts.
try {
  const theme = localStorage.getItem('spywatcher-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // No storage (private mode): the default theme.
}
