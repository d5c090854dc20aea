// npm run check: every content problem at once, with file:line, without building the site.
import { checkContent, formatProblem } from '../src/lib/check.ts';
import { today } from '../src/lib/dates.ts';
import { readContentFiles } from '../src/integrations/content-check.ts';

const started = performance.now();
const files = await readContentFiles(process.env.FC_CONTENT_DIR ?? 'content');
const { problems, warnings, scheduled } = checkContent(files, today());
for (const s of scheduled) console.log(`scheduled: ${s.file} (publishes ${s.published})`);
for (const w of warnings) console.warn(`warning: ${formatProblem(w)}`);
for (const p of problems) console.error(formatProblem(p));
const count = files.articles.length + files.labs.length + files.models.length + files.people.length + files.milestones.length;
const ms = Math.round(performance.now() - started);
if (problems.length) {
  console.error(`\n${problems.length} problem(s) in ${count} files (${ms} ms)`);
  process.exit(1);
}
console.log(`content OK: ${count} files checked in ${ms} ms`);
