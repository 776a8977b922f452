import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/** The pages under test, served over real HTTP so the extension's http(s) content script matches. */
export interface PageServer {
  /** URL of a page by name. */
  urlFor(name: string): string;
  close(): Promise<void>;
}

/**
 * Serves `<pagesDir>/<name>/source.html` at `/<name>/` and in-memory pages by name, on 127.0.0.1 only.
 * Only known names are served, so a crafted URL cannot read other files.
 */
export async function startServer(
  pagesDir: string,
  names: readonly string[],
  generated: ReadonlyMap<string, string>,
): Promise<PageServer> {
  const known = new Set(names);
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').split('/')[1] ?? '');
    const body = generated.has(name)
      ? Promise.resolve(generated.get(name)!)
      : known.has(name)
        ? readFile(path.join(pagesDir, name, 'source.html'))
        : null;
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    body.then(
      (content) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(content),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    urlFor: (name) => `http://127.0.0.1:${port}/${encodeURIComponent(name)}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
