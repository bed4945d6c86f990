import { TextField, type Register } from "~/components/form";

/** Title, date, times, place and video link: shared by planning a meeting and changing it. */
export function MeetingFields({ register, errorFor }: { register: Register; errorFor: (name: string) => string | undefined }) {
  const field = (name: string) => ({ name, register, error: errorFor(name) });
  return (
    <>
      <TextField {...field("title")} label="Rubrik" required />
      <TextField {...field("date")} label="Datum" type="date" required />
      <div className="inline-fields">
        <TextField {...field("startTime")} label="Starttid" type="time" required />
        <TextField {...field("endTime")} label="Sluttid" type="time" required />
      </div>
      <TextField {...field("place")} label="Plats" hint="Plats eller videolänk, eller båda." />
      <TextField {...field("videoLink")} label="Videolänk" type="url" hint="En adress som börjar med https://." />
    </>
  );
}
