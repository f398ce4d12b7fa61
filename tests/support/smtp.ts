import net from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server on loopback for the mail tests: it keeps every message it accepts, parsed.

export interface TestSmtpServer {
  port: number;
  url: string;
  messages: ParsedMail[];
  /** Recipients the server refuses (550), as a relay does for an unknown mailbox. */
  refused: Set<string>;
  /** How many SMTP connections clients have opened (each with its own greeting). */
  connections(): number;
  close(): Promise<void>;
}

export async function startSmtpServer(
  options: {
    port?: number;
    messages?: ParsedMail[];
    refused?: Set<string>;
    /** Milliseconds each message takes to be accepted, as a busy relay's do. */
    delayMs?: number;
  } = {},
): Promise<TestSmtpServer> {
  const messages = options.messages ?? [];
  const refused = options.refused ?? new Set<string>();
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // Closing drops the clients' open (pooled) connections at once, as a relay going down does,
    // instead of waiting 30 s for them to leave.
    closeTimeout: 50,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address.toLowerCase())) {
        const error = new Error("Mailbox unavailable") as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) =>
          setTimeout(() => {
            messages.push(mail);
            callback();
          }, options.delayMs ?? 0),
        (error: Error) => callback(error),
      );
    },
  });
  server.on("error", (error) => console.error("[test smtp]", error.message));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refused,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port nothing listens on (at the moment of asking). */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}

/**
 * Polls `check` until it returns something other than undefined or false. Bounded in tries, so a
 * stuck test fails with a message saying what it waited for, before vitest's testTimeout.
 */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  { tries = 400, everyMs = 100 } = {},
): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`Gave up waiting for ${what}`);
}
