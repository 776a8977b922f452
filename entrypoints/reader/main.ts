import { onMessages, type ReaderProtocol } from '@/lib/messaging';
import { readArticle } from '@/lib/reader';
import { closeWhenIdle } from '@/lib/reader/offscreen';

// Chromium's offscreen document for the reader (see lib/reader): it answers pages directly, then closes itself
// once nobody has asked for a while.
const touch = closeWhenIdle(window);
onMessages<ReaderProtocol>({
  readArticle: (request) => {
    touch();
    return readArticle(request);
  },
});
touch();
