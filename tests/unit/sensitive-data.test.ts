import { describe, expect, it } from "vitest";
import { findSensitiveData } from "~/modules/shift-reports/sensitive.ts";

// The warning on shift reports (and board posts): what looks like someone's data fires, ordinary
// text about a shift does not. National register numbers below have valid check digits.

const fires: Array<[string, string, ReturnType<typeof findSensitiveData>]> = [
  [
    "a national register number with dots and dash",
    "Hij had 85.07.30-033.28 bij",
    ["national_number"],
  ],
  ["a national register number, bare digits", "nummer 85073003328 ingevuld", ["national_number"]],
  ["a national register number with spaces", "85 07 30 033 28", ["national_number"]],
  [
    "a national register number born in 2000 or later",
    "rijksregister 01.02.03-123.45",
    ["national_number"],
  ],
  ["a Belgian mobile number", "bel haar op 0470 12 34 56", ["phone"]],
  ["a mobile number with slashes", "0470/12.34.56 terugbellen", ["phone"]],
  ["a landline number", "tel. 011 22 33 44", ["phone"]],
  ["an international number", "+32 470 12 34 56", ["phone"]],
  ["a number with 0032", "0032470123456", ["phone"]],
  ["an email address", "mail naar jan.peeters@example.be", ["email"]],
  ["an email address in capitals", "JAN@VOORBEELD.BE", ["email"]],
  ["a Belgian IBAN in groups", "rekening BE68 5390 0754 7034", ["iban"]],
  ["a Belgian IBAN, no spaces", "be68539007547034", ["iban"]],
  ["an IBAN followed by words", "BE68 5390 0754 7034 overschrijven lukte", ["iban"]],
  ["a Dutch IBAN", "NL91 ABNA 0417 1643 00", ["iban"]],
  [
    "several kinds at once",
    "85.07.30-033.28, 0470 12 34 56, a@b.be, BE68 5390 0754 7034",
    ["national_number", "phone", "email", "iban"],
  ],
];

const ordinary: Array<[string, string]> = [
  ["counts and times", "12 mensen geholpen tussen 9 en 12 uur, 3 met itsme"],
  ["a time range", "van 09:30 tot 12:00, daarna 13.00-16.30"],
  ["dates", "op 12/03/2027 en 2027-03-12 en 12.03.2027"],
  ["a postcode and house number", "in 3500 Hasselt, Kapelstraat 12"],
  ["a year and a count", "sinds 2019 al 250 mensen"],
  ["a price", "€ 12,50 voor een kaartlezer"],
  ["eleven digits that fail the checksum", "85.07.30-033.29"],
  ["an IBAN that fails the checksum", "BE68 5390 0754 7035"],
  ["a website", "zie www.mijngezondheid.be of myminfin.be"],
  ["an at sign without domain", "@bib vandaag"],
  ["a short number", "bel 1207 of 112"],
  ["plain Dutch", "Iemand wilde zijn pensioen bekijken op MyPension. Dat lukte na een half uur."],
  ["French text", "Une dame voulait installer itsme ; c'était long mais réussi."],
];

describe("findSensitiveData", () => {
  it.each(fires)("finds %s", (_, text, kinds) => {
    expect(findSensitiveData(text)).toEqual(kinds);
  });

  it.each(ordinary)("leaves %s alone", (_, text) => {
    expect(findSensitiveData(text)).toEqual([]);
  });
});
