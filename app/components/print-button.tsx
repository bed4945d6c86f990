/** Opens the browser's print dialogue; the print stylesheet leaves out menus and buttons. */
export function PrintButton({ label = "Skriv ut" }: { label?: string }) {
  return (
    <p>
      <button type="button" className="button" onClick={() => window.print()}>
        {label}
      </button>{" "}
      <span className="muted">(eller Ctrl+P)</span>
    </p>
  );
}
