import { Fragment } from "react";
import type { LetterPage } from "~/modules/outreach/letter.server";

/**
 * One printed letter: the window-envelope address, the letter, the unit's contact details and the
 * privacy notice. Each page starts on a new sheet when printed.
 */
export function LetterSheet({ page, protectedAddress, lang }: { page: LetterPage; protectedAddress: string; lang: string }) {
  const label = page.to === "youth" ? `Brev till ${page.recipient}` : `Brev till vårdnadshavare ${page.recipient}`;
  return (
    <article className="letter" aria-label={label} lang={lang}>
      <div className="letter__address">
        <span className="block">{page.recipient}</span>
        {page.address ? (
          page.address.map((line) => (
            <span className="block" key={line}>
              {line}
            </span>
          ))
        ) : (
          <span className="block">{protectedAddress}</span>
        )}
      </div>
      <p className="letter__date">{page.date}</p>
      {page.guardianLine ? <p className="letter__about-line">{page.guardianLine}</p> : null}
      <h2>{page.heading}</h2>
      <p>{page.greeting}</p>
      {page.paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <p>{page.signature}</p>
      <section className="letter__box">
        <h3>{page.contact.heading}</h3>
        <dl className="facts">
          {page.contact.rows.map((row) => (
            <Fragment key={row.label}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </Fragment>
          ))}
        </dl>
      </section>
      <section>
        <h3>{page.about.heading}</h3>
        {page.about.paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </section>
      <section className="letter__privacy">
        <h3>{page.privacy.heading}</h3>
        {page.privacy.paragraphs.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </section>
    </article>
  );
}
