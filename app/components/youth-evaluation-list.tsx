/** The youth's own evaluations (written on Mina sidor), as the caseworker reads them: answer, words and date. */
export function YouthEvaluationList({
  evaluations,
  empty,
}: {
  evaluations: { id: number; ratingLabel: string; text: string | null; createdAt: string }[];
  empty: string;
}) {
  if (evaluations.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="youth-evaluations">
      {evaluations.map((e) => (
        <li key={e.id}>
          <strong>”{e.ratingLabel}”</strong> <span className="muted">{e.createdAt.slice(0, 10)}</span>
          {e.text ? <span className="block">{e.text}</span> : null}
        </li>
      ))}
    </ul>
  );
}
