/**
 * The events React 18 answers by hydrating the page at once when they come before hydration ended
 * (react-dom's `discreteReplayableEvents`).
 */
const HYDRATING_EVENTS = [
  "mousedown",
  "mouseup",
  "touchcancel",
  "touchend",
  "touchstart",
  "auxclick",
  "dblclick",
  "pointercancel",
  "pointerdown",
  "pointerup",
  "dragend",
  "dragstart",
  "drop",
  "compositionend",
  "compositionstart",
  "keydown",
  "keypress",
  "keyup",
  "input",
  "textInput",
  "copy",
  "cut",
  "paste",
  "click",
  "change",
  "contextmenu",
  "reset",
  "submit",
] as const;

/**
 * Keeps those events from React until it has hydrated the document, and returns the function that
 * lets them through again and marks the document `data-hydrated`.
 *
 * Remix's first hydration render waits while it decodes the page's data. A tap or a key in that
 * moment made React 18 hydrate at once, which cannot wait: it threw "Root did not complete" (#345)
 * and the page stayed without its scripts (docs/decisions/033). Held back here, such an event
 * takes its native course, as on the page without JavaScript: a link opens, a form posts, a field
 * takes the typed text, which hydration then keeps.
 */
export function holdEventsUntilHydrated(): () => void {
  const hold = (event: Event) => event.stopPropagation();
  const options = { capture: true, passive: true } as const;
  for (const type of HYDRATING_EVENTS) window.addEventListener(type, hold, options);
  return () => {
    for (const type of HYDRATING_EVENTS) window.removeEventListener(type, hold, options);
    document.documentElement.dataset.hydrated = "";
  };
}
