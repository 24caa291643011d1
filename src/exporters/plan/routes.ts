/** Where nginx serves static builds from (as in the official image). */
export const HTML_ROOT = '/usr/share/nginx/html';

/** The API prefix an app serves behind nginx route R: R + "api/", or R itself when it already ends in /api/. */
export function apiBaseFor(route: string): string {
  const withSlash = route.endsWith('/') ? route : `${route}/`;
  return withSlash.endsWith('/api/') ? withSlash : `${withSlash}api/`;
}

/** The URL prefix of a static build served on route R (always ending in "/"). */
export function staticBaseFor(route: string): string {
  return route.endsWith('/') ? route : `${route}/`;
}

/** The folder a static build served at `base` is copied to. */
export function staticDir(base: string): string {
  return base === '/' ? HTML_ROOT : `${HTML_ROOT}${base.slice(0, -1)}`;
}
