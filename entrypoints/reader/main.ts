import { onMessages, type ReaderProtocol } from '@/lib/messaging';
import { previewLink } from '@/lib/preview/reader';
import { readArticle, warmUp } from '@/lib/reader';
import { closeWhenIdle } from '@/lib/reader/offscreen';

// Chromium's offscreen document for the reader (see lib/reader): it answers pages directly, then closes itself
// once nobody has asked for a while.
const touch = closeWhenIdle(window);
let asked = false;
onMessages<ReaderProtocol>({
  readArticle: (request) => {
    asked = true;
    touch();
    return readArticle(request);
  },
  previewLink: (request) => {
    asked = true;
    touch();
    return previewLink(request);
  },
});
touch();
// Usually a page opened the reader by showing its bar: warm up while the user decides, unless a page asked first.
// (A timer, not requestIdleCallback, which never fires in an offscreen document: it draws no frames.)
setTimeout(() => {
  if (!asked) warmUp();
});
