/** The demo identity provider's pages (tests/mocks/oidc-provider.ts), in Swedish, plain accessible HTML. */
import type { DemoIdentityAccount, DemoIdentityClient } from "./oidc-provider";

function escape(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b1b1b}
main{max-width:34rem;margin:1.5rem auto;background:#fff;padding:1.25rem;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.2)}
h1{font-size:1.4rem;margin-top:0}h2{font-size:1.1rem}ul{list-style:none;padding:0}li{margin:.5rem 0}
button{font:inherit;padding:.6rem .9rem;border:1px solid #14497a;background:#1d5c96;color:#fff;border-radius:4px;cursor:pointer;width:100%;text-align:left}
button.secondary{background:#fff;color:#14497a}small{display:block;color:#454545}label{display:block;font-weight:600;margin-bottom:.25rem}
input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;border:1px solid #5c5c5c;border-radius:4px;margin-bottom:.5rem}
.note{background:#fff7d6;padding:.5rem;border-left:4px solid #8a6d00}`;

function page(title: string, body: string) {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

function accountButton(account: DemoIdentityAccount) {
  if (account.kind === "staff") {
    return `<li><button type="submit" name="account" value="${escape(account.sub)}">${escape(account.name)}<small>${escape(account.email)}</small></button></li>`;
  }
  const name = `${account.givenName} ${account.familyName}`;
  const note = account.note ? `<small>${escape(account.note)}</small>` : "";
  return `<li><button type="submit" name="account" value="${escape(account.sub)}">${escape(name)}<small>${escape(account.personalNumber)}</small>${note}</button></li>`;
}

export function renderInteraction(input: { uid: string; client: DemoIdentityClient | undefined; accounts: DemoIdentityAccount[] }) {
  const citizen = input.client?.kind === "citizen";
  const title = citizen ? "Demo-e-legitimation (BankID/Freja eID)" : "Demokommunens inloggning";
  const action = `/interaction/${escape(input.uid)}/login`;
  const heading = citizen ? "Välj vem du vill logga in som" : "Välj ett demokonto";
  const freeLabel = citizen ? "Eller skriv ett personnummer (12 siffror)" : "Eller skriv ett annat användar-id";
  return page(
    title,
    `<h1>${escape(title)}</h1>
<p>Inloggning till ${escape(input.client?.name ?? "tjänsten")}.</p>
<p class="note">Det här är en demo. Ingen riktig ${citizen ? "e-legitimation" : "kommunal inloggning"} används, och alla personer är påhittade.</p>
<form method="post" action="${action}">
<h2>${heading}</h2>
<ul>${input.accounts.map(accountButton).join("")}</ul>
</form>
<form method="post" action="${action}">
<label for="free">${freeLabel}</label>
<input id="free" name="free" autocomplete="off" required maxlength="100">
<button type="submit" class="secondary">Logga in</button>
</form>`,
  );
}

export function renderLogout(form: string) {
  return page(
    "Logga ut",
    `<h1>Vill du logga ut från demokommunens inloggning också?</h1>
${form}
<p><button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, logga ut</button></p>
<p><button type="submit" form="op.logoutForm" class="secondary">Nej, förbli inloggad här</button></p>`,
  );
}

export function renderLogoutDone() {
  return page("Utloggad", `<h1>Du är utloggad</h1><p>Du är utloggad från demokommunens inloggning. Du kan stänga fliken.</p>`);
}
