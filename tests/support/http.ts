// Talking to a running server the way a browser would: cookies kept, the CSRF token of the page
// repeated in form posts, and the Origin header browsers send.

export class HttpClient {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  setCookie(pair: string) {
    const [name, ...rest] = pair.split(";")[0]!.split("=");
    const value = rest.join("=");
    if (value === "") this.cookies.delete(name!.trim());
    else this.cookies.set(name!.trim(), value);
  }

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) this.setCookie(header);
  }

  async get(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(this.base + path, {
      headers: { Cookie: this.cookieHeader(), ...headers },
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }

  /** The CSRF token this browser's pages carry (reads a page, which also sets the cookie). */
  async csrfToken(path = "/"): Promise<string> {
    const html = await (await this.get(path)).text();
    const token = html.match(/name="csrf" value="([^"]+)"/)?.[1];
    if (!token) throw new Error(`no CSRF token on ${path}`);
    return token;
  }

  async post(
    path: string,
    fields: Record<string, string>,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ) {
    const body = new URLSearchParams(fields);
    if (options.csrf !== false && !body.has("csrf")) body.set("csrf", await this.csrfToken());
    const response = await fetch(this.base + path, {
      method: "POST",
      body,
      headers: { Cookie: this.cookieHeader(), Origin: this.base, ...options.headers },
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }

  /** A POST of any body, with this Content-Type (none when left out), as a careless client sends. */
  async postRaw(path: string, body: string, contentType?: string) {
    const response = await fetch(this.base + path, {
      method: "POST",
      // Bytes, so fetch adds no Content-Type of its own.
      body: new TextEncoder().encode(body),
      headers: {
        Cookie: this.cookieHeader(),
        Origin: this.base,
        ...(contentType ? { "Content-Type": contentType } : {}),
      },
      redirect: "manual",
    });
    this.remember(response);
    return response;
  }
}

/**
 * The outcome an action's redirect carries for the next page (app/utils/flash.server.ts), read
 * from its Set-Cookie header the way the next page would see it; null when there is none.
 */
export function outcomeOf(response: Response): {
  tone: string;
  message: string;
  values?: Record<string, string | number>;
  at?: string;
} | null {
  for (const header of response.headers.getSetCookie()) {
    const match = header.match(/^(?:__Host-)?outcome=([^;]+)/);
    if (!match) continue;
    // A signed cookie: base64 JSON, a dot, and the signature.
    const signed = decodeURIComponent(match[1]!);
    const encoded = signed.slice(0, signed.lastIndexOf("."));
    return JSON.parse(Buffer.from(encoded, "base64").toString("utf8"));
  }
  return null;
}
