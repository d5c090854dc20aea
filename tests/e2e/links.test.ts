/**
 * Links that last: aliases redirect in one hop on nginx (and by meta refresh where a host has no
 * redirects); feeds parse and carry absolute URLs under the base; JSON-LD parses in a browser.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from '../helpers/browser.ts';

const site = { origin: inject('siteOrigin'), base: inject('siteBase') };
const fixture = inject('fixtureOrigin');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('aliases: one hop, permanent', () => {
  it('nginx answers the old path with a 301 straight to the live page', async () => {
    const res = await fetch(`${fixture}/articles/old-alpha/`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    const target = new URL(res.headers.get('location')!, fixture);
    expect(target.pathname).toBe('/articles/alpha-fixture-article/');
    const final = await fetch(target, { redirect: 'manual' });
    expect(final.status).toBe(200);
  });
  it('hosts without redirects get a stub that refreshes to the live page', async () => {
    const html = await (await fetch(`${fixture}/articles/old-alpha/index.html`)).text();
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/articles/alpha-fixture-article/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });
});

describe('feeds parse in a browser and carry absolute URLs under the base', () => {
  it.each(['rss.xml', 'atom.xml', 'feed.json', 'labs/deepseek/rss.xml', 'labs/deepseek/atom.xml', 'topics/china/feed.json'])('%s', async (feed) => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}${site.base}`);
    const text = await (await fetch(`${site.origin}${site.base}${feed}`)).text();
    const links: string[] = feed.endsWith('.json')
      ? (JSON.parse(text) as { version: string; items: { url: string }[] }).items.map((i) => i.url)
      : await page.evaluate(
          ([xml, atom]) => {
            const doc = new DOMParser().parseFromString(xml, 'application/xml');
            if (doc.querySelector('parsererror')) throw new Error('not well-formed');
            return atom
              ? [...doc.querySelectorAll('entry > link')].map((l) => l.getAttribute('href')!)
              : [...doc.querySelectorAll('item > link')].map((l) => l.textContent!);
          },
          [text, feed.endsWith('atom.xml')] as const,
        );
    if (feed.endsWith('.json')) expect(JSON.parse(text).version).toBe('https://jsonfeed.org/version/1.1');
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l).toMatch(/^https:\/\/frontier-commons\.example\/news\/articles\/[a-z0-9-]+\/$/);
    await page.close();
  });
});
