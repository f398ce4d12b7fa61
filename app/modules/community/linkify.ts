// Links in a board post made clickable without HTML: the text is cut into plain pieces and web
// addresses (http and https only), which the page renders as React text and <a> elements.

export type TextPiece = { text: string } | { text: string; href: string };

// An address runs to the next space or angle bracket; punctuation that ends a sentence is not part
// of it.
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const TRAILING = /[.,;:!?'"’)\]]+$/;

export function linkify(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    let address = match[0];
    const trailing = TRAILING.exec(address)?.[0] ?? "";
    address = address.slice(0, address.length - trailing.length);
    // Keep a closing bracket that belongs to the address, as in a Wikipedia link.
    const open = (address.match(/\(/g) ?? []).length;
    const close = (address.match(/\)/g) ?? []).length;
    if (trailing.startsWith(")") && open > close) address += ")";
    const href = /^www\./i.test(address) ? `https://${address}` : address;
    if (!isWebAddress(href)) continue;
    const start = match.index ?? 0;
    if (start > last) pieces.push({ text: text.slice(last, start) });
    pieces.push({ text: address, href });
    last = start + address.length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}

function isWebAddress(value: string) {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}
