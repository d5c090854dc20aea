/**
 * Builds what the tests read, once: the real content under the sub-path /news/ (as a deploy to a
 * sub-path would), and the small fixture site at /. Both are served by nginx for browser tests.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild, tmp } from './helpers/run.ts';
import { serveWithNginx, type Served } from '../scripts/nginx.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDist: string;
    siteBase: string;
    siteOrigin: string;
    fixtureDist: string;
    fixtureOrigin: string;
    /** What the fixture's build printed (stdout and stderr). */
    fixtureBuildLog: string;
  }
}

const servers: Served[] = [];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function setup(project: TestProject) {
  const siteDist = path.join(tmp, 'site-news');
  const fixtureDist = path.join(tmp, 'fixture');
  await rm(tmp, { recursive: true, force: true });
  // Folders of earlier runs whose process is gone.
  for (const d of await readdir(path.dirname(tmp)).catch(() => [] as string[])) {
    const pid = Number(/^run-(\d+)$/.exec(d)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) await rm(path.join(path.dirname(tmp), d), { recursive: true, force: true });
  }
  // One after the other: Astro keeps generated modules in the project's .astro/, shared by builds.
  const site = await astroBuild({ content: 'content', outDir: siteDist, base: '/news/' });
  // The fixture is built over a first-visit precache limit (16 KiB), so its search index is fetched as needed (src/lib/precache.ts).
  const fixture = await astroBuild({
    content: 'tests/fixtures/good/content',
    outDir: fixtureDist,
    base: '/',
    env: { FC_TODAY: '2026-01-01', FC_PRECACHE_LIMIT_KIB: '16' },
  });
  if (site.code !== 0) throw new Error(`building the real site under /news/ failed:\n${site.output}`);
  if (fixture.code !== 0) throw new Error(`building the fixture site failed:\n${fixture.output}`);
  const a = await serveWithNginx({ dist: siteDist, base: '/news/' }, path.join(tmp, 'nginx-site'));
  const b = await serveWithNginx({ dist: fixtureDist, base: '/' }, path.join(tmp, 'nginx-fixture'));
  servers.push(a, b);
  project.provide('siteDist', siteDist);
  project.provide('siteBase', '/news/');
  project.provide('siteOrigin', a.origin);
  project.provide('fixtureDist', fixtureDist);
  project.provide('fixtureOrigin', b.origin);
  project.provide('fixtureBuildLog', fixture.output);
}

export async function teardown() {
  await Promise.all(servers.map((s) => s.stop()));
}
