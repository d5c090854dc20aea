/**
 * Crawls a served site from its base: every page reachable by links, every internal href/src
 * checked (status and #fragment), every external link collected. Bounded: same origin, under base.
 */
import { all, parseHtml, type El } from './html.ts';

export interface CrawlResult {
  pages: Map<string, El>;
  broken: { from: string; url: string; reason: string }[];
  external: { from: string; href: string; rel: string; target: string | undefined }[];
}

/** `publicOrigin`: the SITE_URL the build was given; canonical and feed URLs on it are checked on the served copy. */
export async function crawl(origin: string, base: string, seeds: string[] = [], publicOrigin?: string, limit = 2000): Promise<CrawlResult> {
  const pages = new Map<string, El>();
  const status = new Map<string, Promise<{ ok: boolean; reason: string; doc?: El }>>();
  const broken: CrawlResult['broken'] = [];
  const external: CrawlResult['external'] = [];
  const queue = [`${origin}${base}`, ...seeds.map((s) => new URL(s, origin).href)];
  const seen = new Set(queue);

  const fetchOnce = (url: string) => {
    if (!status.has(url)) {
      status.set(
        url,
        (async () => {
          const res = await fetch(url, { redirect: 'follow' });
          if (!res.ok) return { ok: false, reason: `HTTP ${res.status}` };
          const type = res.headers.get('content-type') ?? '';
          if (type.includes('text/html')) return { ok: true, reason: '', doc: parseHtml(await res.text()) };
          await res.arrayBuffer();
          return { ok: true, reason: '' };
        })(),
      );
    }
    return status.get(url)!;
  };

  while (queue.length && pages.size < limit) {
    const batch = queue.splice(0, 8);
    await Promise.all(
      batch.map(async (pageUrl) => {
        const r = await fetchOnce(pageUrl);
        if (!r.doc) return;
        pages.set(pageUrl, r.doc);
        const refs = all(r.doc, (e) => ['a', 'link', 'script', 'img', 'source'].includes(e.tag));
        for (const e of refs) {
          const raw = e.attrs.href ?? e.attrs.src;
          if (!raw || raw.startsWith('mailto:')) continue;
          let url = new URL(raw, pageUrl);
          if (publicOrigin && url.origin === new URL(publicOrigin).origin) url = new URL(`${url.pathname}${url.search}${url.hash}`, origin);
          if (url.origin !== origin) {
            if (e.tag === 'a') external.push({ from: pageUrl, href: url.href, rel: e.attrs.rel ?? '', target: e.attrs.target });
            else broken.push({ from: pageUrl, url: url.href, reason: 'third-party resource' });
            continue;
          }
          if (e.tag === 'link' && ['canonical', 'alternate'].includes(e.attrs.rel ?? '') && !url.pathname.startsWith(base)) {
            broken.push({ from: pageUrl, url: url.href, reason: 'outside base' });
          }
          const fragment = decodeURIComponent(url.hash.slice(1));
          url.hash = '';
          if (!url.pathname.startsWith(base)) {
            broken.push({ from: pageUrl, url: url.href, reason: 'outside base' });
            continue;
          }
          const target = await fetchOnce(url.href);
          if (!target.ok) {
            broken.push({ from: pageUrl, url: url.href, reason: target.reason });
            continue;
          }
          if (fragment && target.doc && all(target.doc, (x) => x.attrs.id === fragment).length === 0) {
            broken.push({ from: pageUrl, url: `${url.href}#${fragment}`, reason: 'missing #fragment' });
          }
          if (e.tag === 'a' && target.doc && !seen.has(url.href) && !url.search) {
            seen.add(url.href);
            queue.push(url.href);
          }
        }
      }),
    );
  }
  return { pages, broken, external };
}
