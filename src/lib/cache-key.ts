/**
 * Keys for Astro's incremental build (experimental.incrementalBuild): a page whose key and code
 * are unchanged since the last build is copied from the cache instead of rendered. A key must
 * cover everything the page shows that is not code, so routes hash the very values they render.
 */
import { createHash } from 'node:crypto';

export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32);
}
