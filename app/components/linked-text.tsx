import { linkify } from "~/modules/community/linkify.ts";

/** Plain text with its web addresses as links; never HTML. Line breaks kept by CSS (pre-line). */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((piece, index) =>
        "href" in piece ? (
          <a key={index} href={piece.href} rel="nofollow ugc noopener">
            {piece.text}
          </a>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </>
  );
}
