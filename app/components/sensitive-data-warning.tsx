/** Förordning 2006:39 lets the register hold only certain data; every free-text form says so where it is typed. */
export function SensitiveDataWarning() {
  return (
    <div className="alert alert--warning" role="note">
      <strong>Skriv inga känsliga personuppgifter.</strong> Uppgifter om hälsa, diagnoser, etniskt ursprung, religion eller familjeförhållanden får inte föras
      in i registret. Registret får bara innehålla det förordningen (2006:39) om register över ungdomar tillåter: sysselsättning, om en åtgärd är aktuell och
      dess innehåll och tid. Håll texterna korta.
    </div>
  );
}
