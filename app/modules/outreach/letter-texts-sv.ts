import type { LetterLanguagePack } from "./letters";

/** The letters in Swedish. The English pack (letter-texts-en.ts) has the same shape, sentence for sentence. */
export const LETTERS_SV: LetterLanguagePack = {
  common: {
    locale: "sv-SE",
    greetingYouth: (c) => `Hej ${c.youthFirstName}!`,
    greetingGuardian: (c) => `Hej ${c.guardianName}!`,
    guardianLine: (c) => `Till vårdnadshavare för ${c.youthName}`,
    aboutHeading: "Vad är KAA?",
    about: (c) => [
      `KAA betyder det kommunala aktivitetsansvaret. Enligt skollagen ska ${c.municipalityName} kommun hålla sig informerad om vad unga under 20 år gör, om de inte går i eller har gått ut gymnasieskolan, och erbjuda dem stöd – till exempel att börja studera, hitta praktik eller jobb.`,
      "Det är frivilligt att ta emot vårt stöd. Du bestämmer själv om du vill träffa oss, och det påverkar inte din rätt till något annat om du säger nej.",
    ],
    contactHeading: "Så når du oss",
    contactLabels: {
      phone: "Telefon",
      sms: "Sms",
      email: "E-post",
      visitingAddress: "Besöksadress",
      openingHours: "Öppettider",
      caseworker: "Din kontaktperson",
    },
    privacyHeading: "Så hanterar vi personuppgifter",
    privacy: (c) => [
      `Personuppgiftsansvarig är den nämnd i ${c.municipalityName} kommun som ansvarar för det kommunala aktivitetsansvaret. Kommunens dataskyddsombud nås via kommunens växel.`,
      "Vi behandlar uppgifter om namn, personnummer, adress, kontaktuppgifter, skolgång och vad du gör nu, för att kommunen ska kunna fullgöra sitt aktivitetsansvar och erbjuda dig stöd. Den rättsliga grunden är en rättslig förpliktelse och en uppgift av allmänt intresse enligt skollagen 29 kap. 9 §. Uppgifterna kommer från folkbokföringen och från skolor.",
      "Bara personalen på KAA-enheten som arbetar med aktivitetsansvaret ser uppgifterna, och de skyddas av sekretess. Andra får del av dem bara när en lag kräver det eller när du själv har samtyckt.",
      "Uppgifterna sparas så länge aktivitetsansvaret gäller, det vill säga tills du fyller 20 år, och därefter så länge arkivreglerna och kommunens dokumenthanteringsplan kräver. Sedan gallras de.",
      "Du har rätt att få veta vilka uppgifter vi har om dig (registerutdrag) och att få felaktiga uppgifter rättade. Kontakta oss i så fall. Är du missnöjd med hur vi hanterar dina uppgifter kan du klaga till Integritetsskyddsmyndigheten (IMY), imy.se.",
    ],
    signature: (c) => `Hälsningar ${c.caseworkerName}, ${c.unitName}`,
    protectedAddress: "[Skyddad identitet: adressen skrivs inte ut. KAA-samordnaren adresserar kuvertet.]",
  },
  letters: {
    first_letter: {
      heading: "Hej! Vi vill gärna prata med dig",
      toYouth: (c) => [
        `Vi arbetar på ${c.unitName} i ${c.municipalityName}. Vi hör av oss till alla unga i kommunen som inte går i gymnasieskolan.`,
        "Vi vill gärna träffa dig och höra hur du har det och vad du vill göra framåt: plugga, jobba eller något annat. Vi kan hjälpa dig att hitta en väg som passar dig.",
        "Hör av dig till oss – ring, skicka sms, mejla eller kom förbi. Uppgifterna står nedan.",
      ],
      toGuardian: (c) => [
        `Vi arbetar på ${c.unitName} i ${c.municipalityName}. Vi har skickat ett brev till ${c.youthFirstName}, och eftersom ${c.youthFirstName} är under 18 år skriver vi också till dig som vårdnadshavare.`,
        `Vi vill gärna träffa ${c.youthFirstName} och höra vad hen vill göra framåt: plugga, jobba eller något annat. Vi kan hjälpa till att hitta en väg som passar.`,
        `Hör gärna av dig till oss om du har frågor, eller om du kan hjälpa oss att få kontakt med ${c.youthFirstName}.`,
      ],
    },
    home_visit_letter: {
      heading: "Vi kommer gärna förbi",
      toYouth: (c) => [
        `Vi på ${c.unitName} har försökt nå dig tidigare. Eftersom vi inte har fått kontakt vill vi komma förbi och hälsa på ${c.visit?.date} klockan ${c.visit?.time}. Vi är alltid två personer.`,
        "Passar tiden inte, eller vill du hellre träffas någon annanstans eller prata i telefon? Hör av dig så bestämmer vi tillsammans.",
      ],
      toGuardian: (c) => [
        `Vi på ${c.unitName} har försökt nå ${c.youthFirstName} tidigare utan att få kontakt. Eftersom ${c.youthFirstName} är under 18 år skriver vi också till dig som vårdnadshavare.`,
        `Vi vill komma förbi och hälsa på ${c.visit?.date} klockan ${c.visit?.time}. Vi är alltid två personer.`,
        "Passar tiden inte, eller vill ni hellre träffas någon annanstans eller prata i telefon? Hör av dig så bestämmer vi tillsammans.",
      ],
    },
    knock_card: {
      heading: "Vi har varit här!",
      toYouth: (c) => [
        `Vi från ${c.unitName} knackade på ${c.visit?.date} klockan ${c.visit?.time}, men du var inte hemma.`,
        "Vi vill gärna prata med dig om vad du gör i dag och vad du vill göra framåt. Hör av dig!",
      ],
      toGuardian: (c) => [
        `Vi från ${c.unitName} knackade på ${c.visit?.date} klockan ${c.visit?.time} för att träffa ${c.youthFirstName}, men ingen var hemma.`,
        `Eftersom ${c.youthFirstName} är under 18 år lämnar vi också en lapp till dig som vårdnadshavare. Hör gärna av dig!`,
      ],
    },
    letter_at_20: {
      heading: "Grattis på 20-årsdagen – här kan du få stöd framöver",
      toYouth: (c) => [
        `Nu när du har fyllt 20 år upphör kommunens aktivitetsansvar, och ${c.unitName} kommer inte längre att höra av sig.`,
        `Du kan fortfarande få hjälp: Komvux och folkhögskola för studier, Arbetsförmedlingen för arbete och praktik, och kommunens vägledare i ${c.municipalityName} om du vill prata om vad du vill göra.`,
        "Lycka till!",
      ],
      // Nobody is a guardian of a 20-year-old; the shape is kept so both languages stay alike.
      toGuardian: () => [],
    },
  },
};
