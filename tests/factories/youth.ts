import { Faker, sv, base } from "@faker-js/faker";
import { makePersonalNumber } from "~/modules/youth/personal-number";
import type { YouthCreateInput } from "~/modules/youth/youth-schema";

/** Swedish fake data, seeded so demo data and tests are reproducible. */
export function swedishFaker(seed = 2026) {
  const faker = new Faker({ locale: [sv, base] });
  faker.seed(seed);
  return faker;
}

/** A birth date that makes the youth `minAge`–`maxAge` years old today. */
export function birthDateForAge(faker: Faker, minAge = 16, maxAge = 19, today = new Date()) {
  const latest = new Date(Date.UTC(today.getUTCFullYear() - minAge, today.getUTCMonth(), today.getUTCDate()));
  const earliest = new Date(Date.UTC(today.getUTCFullYear() - maxAge - 1, today.getUTCMonth(), today.getUTCDate() + 1));
  return faker.date.between({ from: earliest, to: latest }).toISOString().slice(0, 10);
}

function phone(faker: Faker) {
  return `07${faker.helpers.arrayElement(["0", "2", "3", "6"])}-${faker.string.numeric(3)} ${faker.string.numeric(2)} ${faker.string.numeric(2)}`;
}

function ascii(value: string) {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

/** A complete, valid registration of a youth, as the form would post it (parsed). */
export function youthInput(
  faker: Faker,
  options: { homeMunicipalityId: number; city: string; postalPrefix: string; birthDate?: string; protectedIdentity?: boolean },
): YouthCreateInput {
  const sex = faker.helpers.arrayElement(["female", "male"] as const);
  const firstName = faker.person.firstName(sex);
  const lastName = faker.person.lastName();
  const birthDate = options.birthDate ?? birthDateForAge(faker);
  // The second-last digit is odd for men and even for women.
  const serial = faker.number.int({ min: 0, max: 99 }) * 10 + (sex === "male" ? 1 : 2) + faker.helpers.arrayElement([0, 2, 4, 6]);
  const isMinor = new Date().getUTCFullYear() - Number(birthDate.slice(0, 4)) < 18;
  const guardianName = () => `${faker.person.firstName()} ${lastName}`;
  return {
    personalNumber: makePersonalNumber(birthDate, serial % 1000),
    firstName,
    lastName,
    streetAddress: `${faker.location.street()} ${faker.number.int({ min: 1, max: 60 })}`,
    postalCode: `${options.postalPrefix} ${faker.string.numeric(2)}`,
    city: options.city,
    phone: faker.helpers.maybe(() => phone(faker), { probability: 0.85 }),
    email: faker.helpers.maybe(() => `${ascii(firstName)}.${ascii(lastName)}@example.se`, { probability: 0.6 }),
    homeMunicipalityId: options.homeMunicipalityId,
    protectedIdentity: options.protectedIdentity ?? faker.datatype.boolean({ probability: 0.02 }),
    guardian1Name: isMinor ? guardianName() : undefined,
    guardian1Phone: isMinor ? phone(faker) : undefined,
    guardian1Email: undefined,
    guardian2Name: isMinor && faker.datatype.boolean({ probability: 0.6 }) ? guardianName() : undefined,
    guardian2Phone: undefined,
    guardian2Email: undefined,
  };
}
