// Where a person may be sent back to after signing in or switching language: a path on this site,
// nothing else. Browsers drop tabs and line breaks from a Location and read a backslash as a slash,
// so "/\t/evil.example" or "/\\evil.example" would leave the site: such values are refused whole,
// in their percent-encoded (and double-encoded) forms too, rather than repaired.

const DUMMY_ORIGIN = "http://same-site.invalid";
// C0 and C1 control characters (tab, CR, LF included) and backslashes: matching them is the point.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/;

/** Percent-decoded until nothing changes (double encoding included); null when it never settles. */
function decodedOrNull(value: string): string | null {
  let current = value;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

/**
 * The normalised same-site path (path, query and fragment) that `value` leads to, or null when it
 * could lead anywhere else or carries characters a browser would drop or rewrite.
 */
export function sameSitePath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith("/")) return null;
  const decoded = decodedOrNull(value);
  if (decoded === null || FORBIDDEN.test(value) || FORBIDDEN.test(decoded)) return null;
  let url: URL;
  try {
    url = new URL(value, DUMMY_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== DUMMY_ORIGIN) return null;
  const path = url.pathname + url.search + url.hash;
  // "/x/..//evil.example" normalises to "//evil.example", which a browser reads as another host.
  const decodedPath = decodedOrNull(url.pathname);
  if (path.startsWith("//") || decodedPath === null || decodedPath.startsWith("//")) return null;
  return path;
}

/** A path on this site to send the reader to; anything else goes to `fallback` (home). */
export function safeRedirectPath(value: string | null | undefined, fallback = "/"): string {
  return sameSitePath(value) ?? fallback;
}
