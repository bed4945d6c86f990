/** Opens the browser's print dialogue; the print stylesheet leaves out menus and buttons (and so this). */
export function PrintButton({ label = "Skriv ut" }: { label?: string }) {
  return (
    <p className="no-print">
      <button type="button" className="button" onClick={() => window.print()}>
        {label}
      </button>{" "}
      <span className="muted">Sidan har en egen layout för utskrift och för att spara som PDF (eller Ctrl+P).</span>
    </p>
  );
}
