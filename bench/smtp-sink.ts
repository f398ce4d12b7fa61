// A local SMTP sink for bench/mail.ts, in a process of its own (as a relay is), so its work does
// not slow down the process being measured. It accepts every message, reads it through and tells
// the parent the envelope recipient and the arrival time of each, and each new connection.
import { SMTPServer } from "smtp-server";

const send = (message: object) => process.send?.(message);

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  closeTimeout: 100,
  onConnect(_session, callback) {
    send({ kind: "connection" });
    callback();
  },
  onData(stream, session, callback) {
    stream.on("data", () => undefined);
    stream.on("end", () => {
      const at = Date.now();
      for (const rcpt of session.envelope.rcptTo) send({ kind: "message", to: rcpt.address, at });
      callback();
    });
  },
});
server.on("error", (error) => console.error("[sink]", error.message));
server.listen(0, "127.0.0.1", () => {
  const address = server.server.address();
  send({ kind: "ready", port: typeof address === "object" && address ? address.port : 0 });
});
process.on("disconnect", () => server.close(() => process.exit(0)));
