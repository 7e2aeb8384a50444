/**
 * The Content-Security-Policy of every page of the renderer, in Electron and in browser
 * mode: nothing from outside, no inline scripts, no eval. Inline styles are allowed
 * because the UI kit sets CSS variables through style attributes (ADR 0003).
 */
export function buildCsp(opts: { connect?: string[] } = {}): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'none'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", ...(opts.connect ?? [])]],
    ['frame-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([k, v]) => `${k} ${v.join(' ')}`).join('; ');
}
