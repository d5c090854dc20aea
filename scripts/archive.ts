// npm run archive: writes frontier-commons-archive-<date>.zip here, from dist/ (built by `npm run build`).
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { makeArchive } from '../src/integrations/offline-archive.ts';
import { today } from '../src/lib/dates.ts';
import { normaliseBase } from '../src/lib/urls.ts';

if (!existsSync('dist/index.html')) {
  console.error('dist/ is empty: run `npm run build` first (npm run archive does both).');
  process.exit(1);
}
const { zip, bytes, name, entries, indexBytes } = await makeArchive('dist', normaliseBase(process.env.BASE_PATH), today());
await writeFile(`${name}.zip`, zip);
console.log(`${name}.zip: ${entries} files, ${Math.round(bytes / 1024)} KiB (search index ${Math.round(indexBytes / 1024)} KiB)`);
