import { useLocation } from "@remix-run/react";
import { type ReactNode, useEffect, useRef } from "react";

// The header's menu: on a phone one "Menu" button, so the page's own content starts on the first
// screen; from a tablet's width up the menu is simply open (app.css). A <details> element, so it
// opens without JavaScript and with Enter or Space, and tells screen readers whether it is open.

/** Where the header has room for the whole menu (the same width as in app.css). */
const WIDE = "(min-width: 48rem)";

export function SiteMenu({ label, children }: { label: string; children: ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  useEffect(() => {
    // Open where there is room (so the state read out matches what is shown), folded again on a
    // phone after each page change, as a phone's menu does.
    const details = menu.current;
    if (details) details.open = window.matchMedia(WIDE).matches;
  }, [location]);
  return (
    <details className="site-menu" ref={menu}>
      <summary className="site-menu__toggle">
        <span aria-hidden="true">☰</span> {label}
      </summary>
      <div className="site-menu__content">{children}</div>
    </details>
  );
}
