/**
 * A shift's state as the pages show it: the icon for the eye (and for colour-blind readers), the
 * words for everyone; a screen reader reads the words only.
 */
export function ShiftStateText({ state }: { state: { icon: string; text: string } }) {
  return (
    <>
      <span aria-hidden="true">{state.icon}</span> {state.text}
    </>
  );
}
