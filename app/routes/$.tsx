// Every address no other route claims: a 404 rendered in the site's layout and the reader's language.
export function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}
