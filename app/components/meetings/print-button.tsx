/** Opens the browser's print dialogue; without JavaScript the browser's own print command does the same. */
export function PrintButton({ label }: { label: string }) {
  return (
    <p className="no-print">
      <button type="button" className="button" onClick={() => window.print()}>
        {label}
      </button>{" "}
      <span className="muted">Sidan har en egen layout för utskrift och för att spara som PDF.</span>
    </p>
  );
}
