import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { NAVIGATION, type NavGroup } from "~/components/navigation";
import { useNonce } from "~/lib/nonce";
import { optionalActor } from "~/modules/auth/actor.server";
import { optionalCitizen } from "~/modules/auth/citizen.server";
import { ROLE_LABELS } from "~/modules/organizations/labels";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Samverkansportalen" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await optionalActor(request);
  if (!actor) {
    // A youth or guardian on Mina sidor: their own simple header, no staff navigation.
    const citizen = await optionalCitizen(request);
    return { actor: null, citizen: citizen ? { displayName: citizen.displayName } : null };
  }
  return {
    citizen: null,
    actor: {
      displayName: actor.displayName,
      roleLabel: ROLE_LABELS[actor.role],
      organisationName: actor.organisationName,
      hasSeveralMemberships: actor.hasSeveralMemberships,
      navigation: NAVIGATION[actor.role],
    },
  };
}

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="sv">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#huvudinnehall">
          Hoppa till huvudinnehållet
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Header() {
  const data = useRouteLoaderData<typeof loader>("root");
  const actor = data?.actor;
  if (data?.citizen) return <CitizenHeader name={data.citizen.displayName} />;
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-name">
            Samverkansportalen
          </Link>
          {actor ? (
            <div className="user-box">
              <span>
                <strong>{actor.displayName}</strong>
                <span className="user-box__role">
                  {actor.roleLabel}
                  {actor.organisationName ? `, ${actor.organisationName}` : ""}
                </span>
              </span>
              {actor.hasSeveralMemberships ? <Link to="/valj-roll">Byt roll</Link> : null}
              <Link to="/konto/losenord">Byt lösenord</Link>
              <Link to="/konto/tvastegsverifiering">Tvåstegsverifiering</Link>
              <Form method="post" action="/logga-ut">
                <button type="submit" className="button button--link">
                  Logga ut
                </button>
              </Form>
            </div>
          ) : null}
        </div>
      </header>
      {actor ? <MainNavigation groups={actor.navigation} /> : null}
    </>
  );
}

/** Mina sidor's header: the portal's name for the youth, who is signed in, and signing out. Nothing of the staff's. */
function CitizenHeader({ name }: { name: string }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/mina-sidor" className="site-name">
          Mina sidor
        </Link>
        <div className="user-box">
          <strong>{name}</strong>
          <Form method="post" action="/mina-sidor/logga-ut">
            <button type="submit" className="button button--link">
              Logga ut
            </button>
          </Form>
        </div>
      </div>
    </header>
  );
}

/**
 * The main menu. On a phone it hides behind a "Meny" button: a <details> disclosure, so it opens
 * without JavaScript. The list is the disclosure's next sibling rather than its content, so that
 * on a wide screen CSS shows it whether the disclosure is open or not (a closed <details> hides its
 * own content in ways CSS cannot undo in every browser).
 */
function MainNavigation({ groups }: { groups: NavGroup[] }) {
  const toggle = useRef<HTMLDetailsElement>(null);
  const { pathname } = useLocation();
  // With JavaScript, moving to another page closes the menu (a full page load does that by itself).
  useEffect(() => {
    if (toggle.current) toggle.current.open = false;
  }, [pathname]);
  return (
    <nav className="main-nav" aria-label="Huvudmeny">
      <div className="main-nav__inner">
        <details className="main-nav__toggle" ref={toggle}>
          <summary>Meny</summary>
        </details>
        <div className="main-nav__groups">
          {groups.map((group, index) => {
            const headingId = group.heading ? `meny-${index}` : undefined;
            return (
              <div key={group.heading ?? index} className="main-nav__group">
                {group.heading ? (
                  <h2 className="main-nav__heading" id={headingId}>
                    {group.heading}
                  </h2>
                ) : null}
                <ul aria-labelledby={headingId}>
                  {group.items.map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} end>
                        {item.label}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      </div>
    </nav>
  );
}

function Footer() {
  return (
    <footer className="site-footer">
      <p>Samverkansportalen – kommunala aktivitetsansvaret och samverkan kring unga 16–20 år.</p>
      <p>All åtkomst till uppgifter om ungdomar loggas.</p>
    </footer>
  );
}

/** After moving to another page in the app, put focus on the new page's content (as a full load would). */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById("huvudinnehall")?.focus();
  }, [pathname]);
}

export default function App() {
  useLoaderData<typeof loader>();
  useFocusOnNavigation();
  return (
    <Document>
      <Header />
      <main id="huvudinnehall" tabIndex={-1}>
        <Outlet />
      </main>
      <Footer />
    </Document>
  );
}

/** Error pages: a plain Swedish message, never a stack trace. */
export function ErrorBoundary() {
  const error = useRouteError();
  let title = "Något gick fel";
  let message = "Ett oväntat fel inträffade. Försök igen om en stund. Om felet kvarstår, kontakta systemförvaltaren.";
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "Sidan finns inte";
      message = "Sidan du söker finns inte, eller så har du inte behörighet att se den.";
    } else if (error.status === 403) {
      title = "Ingen behörighet";
      message = typeof error.data === "string" && error.data ? error.data : "Du har inte behörighet till den här sidan.";
    } else if (error.status === 400 || error.status === 413) {
      title = error.status === 400 ? "Förfrågan kunde inte läsas" : "För stort att ta emot";
      message = typeof error.data === "string" && error.data ? error.data : "Ladda om sidan och försök igen.";
    } else if (error.status === 405) {
      title = "Åtgärden stöds inte";
      message = "Sidan kan inte ta emot den här typen av förfrågan.";
    }
  }
  return (
    <Document>
      <header className="site-header">
        <div className="site-header__inner">
          <a href="/" className="site-name">
            Samverkansportalen
          </a>
        </div>
      </header>
      <main id="huvudinnehall" tabIndex={-1}>
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <a href="/">Till startsidan</a>
        </p>
      </main>
      <Footer />
    </Document>
  );
}
