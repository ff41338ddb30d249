import { useEffect, useId, useState } from 'react';

/** Renders a Mermaid diagram (mermaid is loaded only when a design-architecture result is opened). */
export default function Mermaid({ source, label }: { source: string; label: string }) {
  const id = `mmd-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [svg, setSvg] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let live = true;
    void import('mermaid').then(async ({ default: mermaid }) => {
      const dark = document.documentElement.dataset.theme === 'dark';
      mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
      try {
        const out = await mermaid.render(id, source);
        if (live) setSvg(out.svg);
      } catch (e) {
        if (live) setError(String((e as Error).message ?? e));
      }
    });
    return () => {
      live = false;
    };
  }, [id, source]);
  if (error) return <><p role="alert" className="error-box">Diagram could not be drawn: {error}</p><pre className="json" tabIndex={0}>{source}</pre></>;
  if (!svg) return <pre className="json" tabIndex={0} aria-label={label}>{source}</pre>;
  return <div className="mermaid" role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg }} />;
}
