import type { LetterLanguagePack } from "./letters";

/** The letters in English, for a youth or guardian who asks for them; the same shape as letter-texts-sv.ts. */
export const LETTERS_EN: LetterLanguagePack = {
  common: {
    locale: "en-GB",
    greetingYouth: (c) => `Hi ${c.youthFirstName}!`,
    greetingGuardian: (c) => `Dear ${c.guardianName},`,
    guardianLine: (c) => `To the guardian of ${c.youthName}`,
    aboutHeading: "What is KAA?",
    about: (c) => [
      `KAA stands for the municipal activity responsibility (kommunala aktivitetsansvaret). Under the Swedish Education Act, ${c.municipalityName} municipality must keep itself informed about what young people under 20 are doing if they are not in, or have not completed, upper secondary school, and offer them support – for example to start studying, or to find a work placement or a job.`,
      "Accepting our support is voluntary. You decide whether you want to meet us, and saying no does not affect your right to anything else.",
    ],
    contactHeading: "How to reach us",
    contactLabels: {
      phone: "Phone",
      sms: "Text message (SMS)",
      email: "E-mail",
      visitingAddress: "Visiting address",
      openingHours: "Opening hours",
      caseworker: "Your contact person",
    },
    privacyHeading: "How we handle personal data",
    privacy: (c) => [
      `The controller of your personal data is the committee of ${c.municipalityName} municipality that is responsible for the municipal activity responsibility. You can reach the municipality's data protection officer through the municipality's switchboard.`,
      "We process your name, personal identity number, address, contact details, schooling and what you are doing now, so that the municipality can meet its activity responsibility and offer you support. The legal basis is a legal obligation and a task carried out in the public interest under the Swedish Education Act (skollagen), chapter 29, section 9. The data comes from the population register and from schools.",
      "Only the staff of the KAA unit who work with the activity responsibility see the data, and it is protected by confidentiality (sekretess). Others receive it only when a law requires it or when you have given your consent.",
      "The data is kept for as long as the activity responsibility applies, that is until you turn 20, and after that for as long as the archiving rules and the municipality's records management plan require. Then it is deleted.",
      "You have the right to know what data we hold about you (a copy of your data) and to have incorrect data corrected. Contact us if you wish to do so. If you are unhappy with how we handle your data, you can complain to the Swedish Authority for Privacy Protection (IMY), imy.se.",
    ],
    signature: (c) => `Kind regards, ${c.caseworkerName}, ${c.unitName}`,
    protectedAddress: "[Protected identity: the address is not printed. The KAA coordinator addresses the envelope.]",
  },
  letters: {
    first_letter: {
      heading: "Hi! We would like to talk with you",
      toYouth: (c) => [
        `We work at ${c.unitName} in ${c.municipalityName}. We contact all young people in the municipality who are not in upper secondary school.`,
        "We would like to meet you and hear how you are doing and what you want to do next: study, work or something else. We can help you find a path that suits you.",
        "Get in touch with us – call, send a text message, e-mail or drop by. Our details are below.",
      ],
      toGuardian: (c) => [
        `We work at ${c.unitName} in ${c.municipalityName}. We have sent a letter to ${c.youthFirstName}, and because ${c.youthFirstName} is under 18 we are also writing to you as a guardian.`,
        `We would like to meet ${c.youthFirstName} and hear what they want to do next: study, work or something else. We can help find a path that suits them.`,
        `Please get in touch if you have any questions, or if you can help us get in contact with ${c.youthFirstName}.`,
      ],
    },
    home_visit_letter: {
      heading: "We would like to come and see you",
      toYouth: (c) => [
        `We at ${c.unitName} have tried to reach you before. As we have not been in touch, we would like to come by and see you on ${c.visit?.date} at ${c.visit?.time}. There are always two of us.`,
        "If the time does not suit you, or if you would rather meet somewhere else or talk on the phone, get in touch and we will decide together.",
      ],
      toGuardian: (c) => [
        `We at ${c.unitName} have tried to reach ${c.youthFirstName} before without getting in touch. Because ${c.youthFirstName} is under 18, we are also writing to you as a guardian.`,
        `We would like to come by on ${c.visit?.date} at ${c.visit?.time}. There are always two of us.`,
        "If the time does not suit you, or if you would rather meet somewhere else or talk on the phone, get in touch and we will decide together.",
      ],
    },
    knock_card: {
      heading: "We were here!",
      toYouth: (c) => [
        `We from ${c.unitName} knocked on your door on ${c.visit?.date} at ${c.visit?.time}, but you were not at home.`,
        "We would like to talk with you about what you are doing now and what you want to do next. Get in touch!",
      ],
      toGuardian: (c) => [
        `We from ${c.unitName} knocked on the door on ${c.visit?.date} at ${c.visit?.time} to see ${c.youthFirstName}, but nobody was at home.`,
        `Because ${c.youthFirstName} is under 18, we are also leaving a note for you as a guardian. Please get in touch!`,
      ],
    },
    letter_at_20: {
      heading: "Happy 20th birthday – here is where you can get support from now on",
      toYouth: (c) => [
        `Now that you have turned 20, the municipality's activity responsibility ends, and ${c.unitName} will no longer contact you.`,
        `You can still get help: Komvux (municipal adult education) and folk high schools for studies, the Swedish Public Employment Service (Arbetsförmedlingen) for work and work placements, and the municipality's guidance counsellors in ${c.municipalityName} if you want to talk about what to do next.`,
        "Good luck!",
      ],
      toGuardian: () => [],
    },
  },
};
