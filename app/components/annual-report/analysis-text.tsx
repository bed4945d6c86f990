/**
 * The samordnare's analysis as paragraphs: a blank line starts a new paragraph, a single line break
 * stays one. Plain text rendered by React, so nothing written in it can become markup.
 */
export function AnalysisText({ text, empty = "Ingen analys är skriven för det här området." }: { text: string; empty?: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="report-analysis">
      {paragraphs.map((p, i) => (
        <p key={i} className="pre-line">
          {p}
        </p>
      ))}
    </div>
  );
}
