/** Recovery codes, shown once: the person writes them down or prints them before leaving the page. */
export function RecoveryCodesShown({ codes }: { codes: string[] }) {
  return (
    <section aria-labelledby="reservkoder-nya" className="card">
      <h2 id="reservkoder-nya">Dina reservkoder</h2>
      <p className="alert alert--info">
        Spara koderna nu, till exempel utskrivna i en låst låda eller i en lösenordshanterare. De visas bara en gång. Varje kod fungerar en gång, om du tappar
        bort telefonen eller nyckeln.
      </p>
      <ol className="recovery-codes" aria-label="Reservkoder">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}
