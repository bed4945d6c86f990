import type { ContactChannel } from "#db/schema";

/** The letters of the contact routine. Sending one records a contact attempt through its channel. */
export type LetterTemplate = {
  slug: string;
  key: "first_letter" | "home_visit_letter" | "knock_card" | "letter_at_20";
  label: string;
  channel: ContactChannel;
  heading: string;
  paragraphs: (ctx: LetterContext) => string[];
};

export type LetterContext = { firstName: string; unitName: string; municipalityName: string; caseworkerName: string; date: string };

export const LETTERS: LetterTemplate[] = [
  {
    slug: "forsta-brev",
    key: "first_letter",
    label: "Första brevet",
    channel: "letter",
    heading: "Hej! Vi vill gärna prata med dig",
    paragraphs: (c) => [
      `Hej ${c.firstName}!`,
      `Vi arbetar på ${c.unitName} i ${c.municipalityName}. Kommunen har enligt skollagen ansvar för att hålla sig informerad om vad unga under 20 år gör, om de inte går i eller har gått ut gymnasieskolan.`,
      "Vi vill gärna träffa dig och höra hur du har det och vad du vill göra framåt: plugga, jobba eller något annat. Vi kan hjälpa dig att hitta en väg som passar dig. Det är frivilligt.",
      `Hör av dig till oss. Ring, skicka sms eller mejla – vi hörs! Hälsningar ${c.caseworkerName}.`,
    ],
  },
  {
    slug: "hembesok",
    key: "home_visit_letter",
    label: "Brev som aviserar hembesök",
    channel: "letter",
    heading: "Vi kommer gärna förbi",
    paragraphs: (c) => [
      `Hej ${c.firstName}!`,
      `Vi på ${c.unitName} har försökt nå dig tidigare. Eftersom vi inte har fått kontakt vill vi komma förbi och hälsa på. Vi är alltid två personer.`,
      "Om du hellre vill träffas någon annanstans eller prata i telefon, hör av dig så bestämmer vi tillsammans.",
      `Hälsningar ${c.caseworkerName}, ${c.unitName}.`,
    ],
  },
  {
    slug: "knackkort",
    key: "knock_card",
    label: "Knackkort",
    channel: "knock_card",
    heading: "Vi har varit här!",
    paragraphs: (c) => [
      `Hej ${c.firstName}! Vi från ${c.unitName} knackade på ${c.date} men du var inte hemma.`,
      "Vi vill gärna prata med dig om vad du gör i dag och vad du vill göra framåt. Hör av dig!",
      `${c.caseworkerName}, ${c.unitName}`,
    ],
  },
  {
    slug: "vid-20",
    key: "letter_at_20",
    label: "Informationsbrev vid 20 år",
    channel: "letter",
    heading: "Grattis på 20-årsdagen – här kan du få stöd framöver",
    paragraphs: (c) => [
      `Hej ${c.firstName}!`,
      `Nu när du har fyllt 20 år upphör kommunens aktivitetsansvar, och ${c.unitName} kommer inte längre att höra av sig.`,
      `Du kan fortfarande få hjälp: Komvux och folkhögskola för studier, Arbetsförmedlingen för arbete och praktik, och kommunens vägledare på ${c.municipalityName} om du vill prata om vad du vill göra.`,
      `Lycka till! Hälsningar ${c.caseworkerName}, ${c.unitName}.`,
    ],
  },
];

export function letterBySlug(slug: string | undefined) {
  return LETTERS.find((l) => l.slug === slug) ?? null;
}
