import { useEffect, useRef, useState } from "react";

/**
 * A read-only address to copy: selectable by hand everywhere, and with a copy button once the
 * page's JavaScript runs (without it the button could do nothing, so it is not shown).
 */
export function CopyField(props: {
  id: string;
  label: string;
  value: string;
  hint: string;
  copyLabel: string;
  copiedLabel: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCanCopy(true), []);

  async function copy() {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(props.value);
      setCopied(true);
    } catch {
      // No clipboard access (an older browser, or plain http): the address stays selected.
      setCopied(false);
    }
  }

  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        ref={input}
        id={props.id}
        type="text"
        value={props.value}
        readOnly
        spellCheck={false}
        aria-describedby={`${props.id}-hint`}
        onFocus={(event) => event.currentTarget.select()}
      />
      <p id={`${props.id}-hint`} className="field__hint">
        {props.hint}
      </p>
      {canCopy ? (
        <p>
          <button type="button" className="button" onClick={() => void copy()}>
            {props.copyLabel}
          </button>{" "}
          <span role="status">{copied ? props.copiedLabel : ""}</span>
        </p>
      ) : null}
    </div>
  );
}
