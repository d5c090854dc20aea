// npm run preview:nginx — builds under a sub-path (BASE_PATH, default /news/) and serves dist/ with
// Debian's nginx and the production headers and redirects, as a real host would. Ctrl-C stops it.
import path from 'node:path';
import { serveWithNginx } from './nginx.ts';

const base = process.env.BASE_PATH ?? '/news/';
const port = Number(process.env.PORT ?? 8088);
const served = await serveWithNginx({ dist: path.resolve('dist'), base }, path.resolve('.nginx'), port);
console.log(`Serving dist/ with nginx at ${served.origin}${base} (production headers). Ctrl-C to stop.`);
const stop = async () => {
  await served.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await new Promise(() => {});
