// Shift reports and board posts must say nothing about the people helped. This finds what looks
// like someone's data in free text, so the form (and the server, which is the check) can warn:
// a Belgian national register number, a phone number, an email address or an IBAN. It looks for
// shapes and checksums, not meaning: "12 mensen tussen 9 en 12 uur" or a date is ordinary text.
// Shared with the browser, which warns as the volunteer types.

export type SensitiveKind = "national_number" | "phone" | "email" | "iban";

/** The kinds of personal data the text seems to hold, each once, in the order above. */
export function findSensitiveData(text: string): SensitiveKind[] {
  const found = new Set<SensitiveKind>();
  const ibans = findIbans(text);
  if (ibans.length > 0) found.add("iban");
  // An IBAN's digits ("NL91 ABNA 0417 1643 00") can read as a phone number: look past them.
  const rest = ibans.reduce((t, iban) => t.replace(iban, " ".repeat(iban.length)), text);
  if (hasNationalNumber(rest)) found.add("national_number");
  if (hasPhoneNumber(rest)) found.add("phone");
  if (EMAIL.test(text)) found.add("email");
  return (["national_number", "phone", "email", "iban"] as const).filter((k) => found.has(k));
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

// YY.MM.DD-XXX.CC, with or without the dots and dash (also spaces): 11 digits in all.
const NATIONAL_NUMBER =
  /(?<![\d])(\d{2})[. ]?(\d{2})[. ]?(\d{2})[-. ]?(\d{3})[. ]?(\d{2})(?![\d])/g;

function hasNationalNumber(text: string) {
  for (const m of text.matchAll(NATIONAL_NUMBER)) {
    const first9 = `${m[1]}${m[2]}${m[3]}${m[4]}`;
    const check = Number(m[5]);
    // Born before 2000: 97 - (first nine mod 97); from 2000 on: the same with a 2 in front.
    if (97 - (Number(first9) % 97) === check) return true;
    if (97 - (Number(`2${first9}`) % 97) === check) return true;
  }
  return false;
}

// A Belgian number (0 or +32/0032, then 8 or 9 digits) or any international one (+ and 8 to 15
// digits), with the usual separators, and not the tail of a longer number. Dates and times have
// too few digits to match.
const PHONE =
  /(?<![\w+]|\d[\s./-])(?:(?:\+|00)\d{1,3}|0)[\s./-]?\(?\d{1,4}\)?(?:[\s./-]?\d){6,10}(?![\d])/g;

function hasPhoneNumber(text: string) {
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, "");
    const international = /^(?:\+|00)/.test(m[0]);
    if (
      international
        ? digits.length >= 10 && digits.length <= 15
        : digits.length >= 9 && digits.length <= 10
    )
      return true;
  }
  return false;
}

// Two letters, two check digits, then 10 to 30 letters or digits, in groups or not.
const IBAN = /(?<![\p{L}\p{N}])([A-Z]{2})[ ]?(\d{2})((?:[ ]?[A-Z0-9]){10,30})(?![\p{L}\p{N}])/giu;

/** The IBANs in the text (their check digits hold), as written. */
function findIbans(text: string) {
  const found: string[] = [];
  for (const m of text.matchAll(IBAN)) {
    const country = m[1]!.toUpperCase();
    // The match may run on into the next words ("BE68 5390 0754 7034 overmaken"): try it whole,
    // then cut at each space from the end.
    const tail = m[3]!;
    const ends = [tail.length, ...[...tail.matchAll(/ /g)].map((s) => s.index).reverse()];
    for (const end of ends) {
      const bban = tail.slice(0, end).replace(/ /g, "").toUpperCase();
      if (bban.length < 10 || !/\d/.test(bban)) continue;
      if (mod97(`${bban}${country}${m[2]}`) === 1) {
        found.push(m[0].slice(0, m[0].length - (tail.length - end)));
        break;
      }
    }
  }
  return found;
}

/** The ISO 13616 check: letters become 10..35, and the whole number mod 97 must be 1. */
function mod97(value: string) {
  let rest = 0;
  for (const ch of value) {
    const code = /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of code) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest;
}
