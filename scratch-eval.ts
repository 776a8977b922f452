import { readFileSync } from 'node:fs';
import { parseDocument } from '/work/main/cli/parseDocument';
import { detectArticle } from '/work/main/lib/page/detect';
import { isProbablyReaderable } from '@mozilla/readability';
const root = '/work/shared/corpus/real-pages-dev';
const arts = JSON.parse(readFileSync(`${root}/articles.json`, 'utf8'));
const non = JSON.parse(readFileSync(`${root}/nonarticles.json`, 'utf8'));
let hit = 0, rr = 0;
for (const a of arts) {
  const doc = parseDocument(readFileSync(`${root}/articles/${a.id}.html`, 'utf8'), a.url ?? undefined);
  const d = detectArticle(doc);
  if (d.isArticle) hit++; else console.log('MISS', a.id, a.js_required, a.body_in_static_dom);
  if (isProbablyReaderable(doc)) rr++;
  doc.defaultView?.close();
}
console.log(`articles ${hit}/${arts.length}  readerable ${rr}`);
let fp = 0; rr = 0;
for (const a of non) {
  const doc = parseDocument(readFileSync(`${root}/nonarticles/${a.id}.html`, 'utf8'), a.url ?? undefined);
  const d = detectArticle(doc);
  if (d.isArticle) { fp++; console.log('FP', a.id, a.kind); }
  if (isProbablyReaderable(doc)) rr++;
  doc.defaultView?.close();
}
console.log(`nonarticles ${fp}/${non.length} readerable ${rr}`);
