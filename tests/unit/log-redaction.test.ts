import { describe, expect, it } from "vitest";
import { redactUrl, withoutAddresses } from "~/utils/log.server.ts";

// Request URLs go into the log line of every request: the secrets some of them carry must not.
describe("redactUrl", () => {
  const token = "Zx8_kQ2vN4mB7pL1sT9wY3cE6hJ0aR5u";

  it.each([
    [`/feed/${token}.ics`, "/feed/[redacted]"],
    [`/invitation/${token}`, "/invitation/[redacted]"],
    [`/login/link/${token}`, "/login/link/[redacted]"],
    [`/login/link/${token}.data`, "/login/link/[redacted]"],
    [`/reset/${token}`, "/reset/[redacted]"],
    [`/account/email/${token}`, "/account/email/[redacted]"],
    [`/events/answer/${token}`, "/events/answer/[redacted]"],
    [`/events/unsubscribe/${token}`, "/events/unsubscribe/[redacted]"],
    ["/dev/mailbox/1733140000000-3f2a", "/dev/mailbox/[redacted]"],
    // A route added later whose path holds a token still loses it.
    [`/something/new/${token}`, "/something/new/[redacted]"],
  ])("%s is logged as %s", (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });

  it("keeps ordinary paths, numbers and dates, and drops other query values", () => {
    expect(redactUrl("/shifts/42")).toBe("/shifts/42");
    expect(redactUrl("/shifts?month=2026-12&page=2")).toBe("/shifts?month=2026-12&page=2");
    expect(redactUrl("/login?email=volunteer%40digihelpers.example&redirectTo=%2Fshifts")).toBe(
      "/login?email=[redacted]&redirectTo=[redacted]",
    );
    expect(redactUrl(`/events/answer/${token}?choice=yes`)).toBe(
      "/events/answer/[redacted]?choice=[redacted]",
    );
  });
});

describe("withoutAddresses", () => {
  it("replaces every email address in a relay's answer", () => {
    expect(
      withoutAddresses(
        "Can't send mail - all recipients were rejected: 550 <jan.peeters@example.be>: no",
      ),
    ).toBe("Can't send mail - all recipients were rejected: 550 <[address]>: no");
  });
});
