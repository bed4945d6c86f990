/**
 * SCB version 2026-1: the first half-year 2026 (and later, until SCB's next Datafilsbeskrivning is entered).
 *
 * NOT VERIFIED. SCB's "Instruktioner och kodförteckningar", "Datafilsbeskrivning" and Excel template for the KAA
 * report were not available when this file was written. Every code, the column order, the delimiter, the encoding
 * and the date and personnummer formats below are placeholders built from the public description of the five
 * blocks (issue 15, docs/plans/issue-15.md). Before the first upload a person with SCB's current documents must
 * check each line, change what differs, and only then set `verified: true` in a reviewed commit.
 */
import type { ScbMapping } from "../mapping";

export const SCB_2026_1: ScbMapping = {
  id: "2026-1",
  verified: false,
  source:
    "Inte kontrollerad mot SCB:s Datafilsbeskrivning, som inte fanns tillgänglig när versionen skrevs (2026-12-02). " +
    "Blocken och variablerna följer den offentliga beskrivningen av rapporteringen; koderna, kolumnordningen och formaten är platshållare.",
  decisions: [
    {
      question: "Vilka kontaktförsök är en ”kontakt med individen” (block 2)?",
      answer:
        "Bara försök där ungdomen själv nåddes (utfall ”nådd”, mottagare ”ungdomen”), oavsett kanal. Brev utan svar och kontakt enbart med vårdnadshavare räknas inte.",
    },
    {
      question: "Vilket datum får en avböjd åtgärd (block 3)?",
      answer: "Dagen då ungdomen avböjde (avböjd-datumet), inte det planerade startdatumet. Avböjd = 1, annars 0.",
    },
    {
      question: "Vilka koder får ansvaret som upphörde för att ungdomen fick arbete, avled eller av annan orsak (block 5)?",
      answer:
        "Egna koder: 4 fick arbete, 5 avliden, 9 annan orsak. Komvux och folkhögskola räknas som ”motsvarande” nationellt program eller introduktionsprogram (kod 1).",
    },
    {
      question: "Hur pekar block 4 ut åtgärden som avslutades?",
      answer:
        "Med åtgärdsnumret från block 3: åtgärdens plats bland ungdomens åtgärder i de inskrivningar som rapporteras, i startordning (därefter registreringsordning).",
    },
    {
      question: "Vad skickas för ett kontaktförsök som sparades utan sysselsättning?",
      answer: "Koden för okänd sysselsättning (9). Ungdomen visas i listan ”Uppgift saknas” så att uppgiften kan fyllas i.",
    },
  ],
  contact: { outcomes: ["reached"], targets: ["youth"] },
  declinedDate: "declined_date",
  codes: {
    block: { 1: "1", 2: "2", 3: "3", 4: "4", 5: "5" },
    registrationReason: {
      not_started: "1",
      dropout_national: "2",
      dropout_introduction: "3",
      completed_without_diploma: "4",
      moved_in: "5",
      other: "9",
      unknown: null,
    },
    lastSchoolOccupation: {
      compulsory_school: "1",
      national_programme: "2",
      introduction_programme: "3",
      other_school: "4",
      none: "5",
      unknown: null,
    },
    contactOccupation: { studies: "1", work: "2", other_activity: "3", none: "4", unknown: "9" },
    contactOccupationMissing: "9",
    interventionType: {
      guidance: "1",
      introduction_programme: "2",
      other_studies: "3",
      work_practice: "4",
      motivational: "5",
      other: "9",
    },
    declined: { yes: "1", no: "0" },
    // SCB asks only studier / arbete / okänd after an åtgärd.
    occupationAfter: { studies: "1", work: "2", other_activity: "9", none: "9", unknown: "9" },
    endReason: {
      national_programme: "1",
      introduction_programme: "1",
      komvux: "1",
      folkhogskola: "1",
      completed: "1",
      turned_20: "2",
      moved: "3",
      work: "4",
      died: "5",
      other: "9",
    },
  },
  columns: {
    1: ["block", "municipalityCode", "personalNumber", "registrationDate", "registrationReason", "lastSchoolOccupation"],
    2: ["block", "municipalityCode", "personalNumber", "contactDate", "contactOccupation"],
    3: ["block", "municipalityCode", "personalNumber", "interventionNumber", "interventionDate", "interventionType", "declined"],
    4: ["block", "municipalityCode", "personalNumber", "interventionNumber", "interventionEndDate", "occupationAfter"],
    5: ["block", "municipalityCode", "personalNumber", "endDate", "endReason"],
  },
  columnNames: {
    block: "Block",
    municipalityCode: "Kommun",
    personalNumber: "Personnummer",
    registrationDate: "Registreringsdatum",
    registrationReason: "Orsak till registrering",
    lastSchoolOccupation: "Senaste skolrelaterade sysselsättning",
    contactDate: "Kontaktdatum",
    contactOccupation: "Sysselsättning vid kontakt",
    interventionNumber: "Åtgärdsnummer",
    interventionDate: "Startdatum",
    interventionType: "Åtgärd",
    declined: "Avböjt",
    interventionEndDate: "Slutdatum",
    occupationAfter: "Sysselsättning efter åtgärd",
    endDate: "Datum då ansvaret upphörde",
    endReason: "Orsak till att ansvaret upphörde",
  },
  delimiter: ";",
  lineEnding: "\r\n",
  encoding: "latin1",
  header: false,
  dateFormat: "YYYYMMDD",
  personalNumberFormat: "YYYYMMDDNNNN",
};
