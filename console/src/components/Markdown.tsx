import { useEffect, useState } from 'react';

/** Renders a Markdown report (marked, loaded on demand; raw HTML in the source is escaped, not rendered). */
export default function Markdown({ source }: { source: string }) {
  const [html, setHtml] = useState<string>();
  useEffect(() => {
    let live = true;
    void import('marked').then(({ Marked }) => {
      const marked = new Marked({ gfm: true, renderer: { html: ({ text }) => escapeHtml(text) } });
      // code blocks scroll sideways: focusable, so keyboard users can scroll them too
      const out = (marked.parse(source, { async: false }) as string).replace(/<pre>/g, '<pre tabindex="0">');
      if (live) setHtml(out);
    });
    return () => {
      live = false;
    };
  }, [source]);
  if (html === undefined) return <pre className="json" tabIndex={0}>{source}</pre>;
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
