/**
 * Serves built sites with Debian's nginx, as production would: under a sub-path, with the
 * generated security headers, compression and redirects (dist/_nginx/site.conf). Compression comes
 * from that snippet alone, as on an operator's server, so a site built without it is sent as it is.
 * Used by the tests and by `npm run preview:nginx`. nginx runs in the foreground of its own prefix
 * and is stopped by PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';

export interface Site {
  dist: string;
  base: string;
}
export interface Served {
  origin: string;
  port: number;
  stop: () => Promise<void>;
  /**
   * Every response nginx has sent so far, in order: the path asked for, the status and the bytes
   * sent (headers and body, gzipped where the site's snippet says). It counts what any client
   * fetched, a web worker's requests included, which a page's DevTools session does not see.
   */
  sent: () => Promise<{ path: string; status: number; bytes: number }[]>;
}

const TYPES = `types { text/html html; text/css css; text/javascript js mjs; application/json json; application/xml xml;
  application/rss+xml rss; application/atom+xml atom; application/feed+json feedjson; text/csv csv; text/plain txt bib;
  image/svg+xml svg; image/png png; application/wasm wasm; application/manifest+json webmanifest; application/zip zip; }`;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function nginxBinary(): string {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(p)) return p;
  throw new Error('nginx is not installed: run `apt-get install nginx` (.ci/run does this)');
}

export async function serveWithNginx(site: Site, prefix: string, port?: number): Promise<Served> {
  const p = port ?? (await freePort());
  const base = site.base.endsWith('/') ? site.base : `${site.base}/`;
  await mkdir(path.join(prefix, 'tmp'), { recursive: true });
  const snippetPath = path.join(site.dist, '_nginx/site.conf');
  const snippet = existsSync(snippetPath) ? await readFile(snippetPath, 'utf8') : '';
  const conf = `daemon off; worker_processes 1; pid ${prefix}/nginx.pid; error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http {
  ${TYPES}
  default_type application/octet-stream; absolute_redirect off;
  log_format sent '$status $bytes_sent $request_uri'; access_log ${prefix}/access.log sent;
  client_body_temp_path ${prefix}/tmp; proxy_temp_path ${prefix}/tmp; fastcgi_temp_path ${prefix}/tmp;
  uwsgi_temp_path ${prefix}/tmp; scgi_temp_path ${prefix}/tmp;
  server {
    listen 127.0.0.1:${p};
    root ${path.resolve(site.dist, '..')};
    ${base === '/' ? '' : 'location = / { return 404; }'}
    location ${base} {
      alias ${path.resolve(site.dist)}/;
      index index.html;
      try_files $uri $uri/ =404;
      error_page 404 ${base}404.html;
${snippet
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
    }
  }
}
`;
  const confPath = path.join(prefix, 'nginx.conf');
  await writeFile(confPath, conf);
  await writeFile(path.join(prefix, 'access.log'), '');
  const child: ChildProcess = spawn(nginxBinary(), ['-p', prefix, '-c', confPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const origin = `http://127.0.0.1:${p}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${err}\n${conf}`);
    try {
      await fetch(`${origin}${base}`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const log = path.join(prefix, 'access.log');
  return {
    origin,
    port: p,
    sent: async () =>
      existsSync(log)
        ? (await readFile(log, 'utf8'))
            .split('\n')
            .filter(Boolean)
            .map((line) => {
              const [status, bytes, ...rest] = line.split(' ');
              return { path: rest.join(' '), status: Number(status), bytes: Number(bytes) };
            })
        : [],
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
