/**
 * The summary as text to copy: plain text for messages and notes, Markdown for documents and chats.
 */

export type CopyFormat = 'text' | 'markdown';

export interface ShareableSummary {
  title: string;
  url: string;
  points: string[];
}

/** Characters that would turn a title into Markdown syntax. */
const MARKDOWN_SPECIAL = /([\\`*_[\]<>#|])/g;

/** The summary as plain text or Markdown: title, link, then one line per point. */
export function formatSummary({ title, url, points }: ShareableSummary, format: CopyFormat): string {
  if (format === 'markdown') {
    const heading = title ? `[${title.replace(MARKDOWN_SPECIAL, '\\$1')}](<${url}>)` : `<${url}>`;
    return [
      `**${heading}**`,
      '',
      ...points.map((point) => `- ${point.replace(MARKDOWN_SPECIAL, '\\$1')}`),
    ].join('\n');
  }
  return [title, url, '', ...points.map((point) => `• ${point}`)]
    .filter((line, i) => i > 0 || line)
    .join('\n');
}

/**
 * Writes `text` to the clipboard. The async Clipboard API needs a focused document and, in some browsers,
 * a permission; the older copy command works from the click that asked for it, so it is the fallback.
 */
export async function copyText(text: string, doc: Document, container: Node): Promise<boolean> {
  try {
    await doc.defaultView?.navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement('textarea');
    area.value = text;
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none;';
    container.appendChild(area);
    area.select();
    const copied = doc.execCommand('copy');
    area.remove();
    return copied;
  }
}
