import { describe, expect, it } from "vitest";
import { clientKey, tooManyRequests } from "~/modules/auth/rate-limit.server.ts";

describe("clientKey", () => {
  it("keeps IPv4 addresses, also when written as IPv6", () => {
    expect(clientKey("10.0.0.1")).toBe("10.0.0.1");
    expect(clientKey("::ffff:10.0.0.1")).toBe("10.0.0.1");
    expect(clientKey("::FFFF:192.168.1.20")).toBe("192.168.1.20");
  });

  it("counts an IPv6 host per /64, however the address is written", () => {
    const key = "2001:db8:0:12::/64";
    expect(clientKey("2001:db8:0:12::1")).toBe(key);
    expect(clientKey("2001:0db8:0000:0012:ffff:1:2:3")).toBe(key);
    expect(clientKey("2001:DB8:0:12:abcd::")).toBe(key);
    expect(clientKey("2001:db8:0:13::1")).not.toBe(key);
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
  });

  it("leaves anything else as it is", () => {
    expect(clientKey("unknown")).toBe("unknown");
  });
});

describe("tooManyRequests", () => {
  it("is a 429 with Retry-After in whole seconds, at least one", () => {
    expect(tooManyRequests(90)).toEqual({ status: 429, headers: { "Retry-After": "90" } });
    expect(tooManyRequests(0)).toEqual({ status: 429, headers: { "Retry-After": "1" } });
  });
});
