/**
 * A short article the reader reads once when it opens, before any page asks (see `warmUp`). Its text is ours,
 * plain, and long enough to be an article with a summary.
 */
export const WARM_UP_ARTICLE = `<!doctype html><html lang="en"><head><title>Town library adds a repair café</title></head>
<body><article><h1>Town library adds a repair café</h1>
<p>The town library will open a repair café on the first Saturday of every month, the head librarian said on
Tuesday. Volunteers will mend lamps, toasters, bicycles and clothes for free, and show visitors how to do it
themselves next time.</p>
<p>The idea came from a survey of readers last spring. Many said they threw away things that needed only a new
fuse or a few stitches, because they did not know where to get them fixed. The library already lends tools, so
a room for repairs seemed a natural next step.</p>
<p>Twelve volunteers have signed up so far, among them two retired electricians and a tailor. They will work at
four tables in the reading room, with a waiting list at the door. Anything that runs on mains power is tested
before it goes home.</p>
<p>Other towns in the region have run repair cafés for years. Their organisers say that most items can be saved,
and that visitors often come back to help. The library hopes to find more volunteers before the summer.</p>
</article></body></html>`;
