/**
 * Words led by an icon that repeats them (a shift's ○ or ✓, a tick): the icon is for the eye, and
 * for telling states apart without colour; a screen reader reads the words only, not "white
 * circle" or "check mark" before them.
 */
export function IconText({ icon, text }: { icon: string; text: string }) {
  return (
    <>
      <span aria-hidden="true">{icon}</span> {text}
    </>
  );
}
