import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const jobs = process.argv.slice(2); // slug:selector
for (const job of jobs) {
  const [slug, sel] = job.split('|');
  for (const w of [390, 1280]) for (const scheme of ['light', 'dark'] as const) {
    const p = await b.newPage({ viewport: { width: w, height: w === 390 ? 844 : 900 }, colorScheme: scheme });
    await p.goto(`http://127.0.0.1:18938/news/articles/${slug}/`);
    const el = p.locator(sel!).first();
    await el.scrollIntoViewIfNeeded();
    const out = `/work/wt/shots/components/${slug.slice(0, 24)}-${sel!.replace(/\W/g, '')}-${w}-${scheme}.png`;
    await el.screenshot({ path: out });
    const sw = await p.evaluate(() => document.documentElement.scrollWidth);
    console.log(out, 'scrollWidth', sw);
    await p.close();
  }
}
await b.close();
