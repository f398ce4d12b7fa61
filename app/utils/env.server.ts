import { z } from "zod";

// Every environment variable the app reads, in one place. A wrong value stops the start with a
// message that names the variable, rather than failing later in some request.
const schema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  // A worker's own port for /healthz and /readyz (a worker serves nothing else); unset: no port.
  HEALTH_PORT: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce.number().int().min(0).max(65535).optional(),
  ),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().min(1).default("./data"),
  // The time a client has to send a whole request, headers and body; a slower one gets 408.
  HTTP_REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Digihelpers <noreply@digihelpers.example>"),
  APP_URL: z
    .string()
    .url()
    .optional()
    .transform((value) => value?.replace(/\/+$/, "")),
  COOKIE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value) => parseTrustProxy(value)),
  // web: HTTP only (it queues jobs, works none); worker: jobs and schedules, no HTTP; all: both.
  PROCESS_ROLE: z
    .enum(["web", "worker", "all"], {
      errorMap: () => ({ message: "must be web, worker or all" }),
    })
    .default("all"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      errorMap: () => ({ message: "must be fatal, error, warn, info, debug, trace or silent" }),
    })
    .optional(),
  // The operator, as the privacy notice and the accessibility statement name it (/privacy, /accessibility).
  ORGANISATION_NAME: z.string().trim().min(2).max(200).default("Digihelpers (demo)"),
  ORGANISATION_ADDRESS: z.string().trim().min(2).max(300).optional(),
  PRIVACY_CONTACT_EMAIL: z.string().trim().email().default("privacy@digihelpers.example"),
  ACCESSIBILITY_CONTACT_EMAIL: z
    .string()
    .trim()
    .email()
    .default("toegankelijkheid@digihelpers.example"),
  HOSTING_PROVIDER: z.string().trim().min(2).max(300).optional(),
  MAIL_PROVIDER: z.string().trim().min(2).max(300).optional(),
});

export type Env = z.infer<typeof schema>;

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === "" || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value; // express accepts names such as "loopback" and comma-separated addresses
}

/**
 * Reads the environment. `sendsMail: false` is for commands that never send mail (`db:migrate`,
 * `db:seed`): they need no SMTP relay, even against a production database.
 */
export function parseEnv(
  source: Record<string, string | undefined> = process.env,
  { sendsMail = true }: { sendsMail?: boolean } = {},
): Env {
  const result = schema
    .superRefine((env, ctx) => {
      // The embedded database lives in one process: separate roles only make sense on PostgreSQL.
      if (env.PROCESS_ROLE !== "all" && !env.DATABASE_URL) {
        ctx.addIssue({
          code: "custom",
          path: ["PROCESS_ROLE"],
          message: `${env.PROCESS_ROLE} needs DATABASE_URL (PostgreSQL): the embedded database serves one process, which runs as all`,
        });
      }
      if (env.HEALTH_PORT !== undefined && env.PROCESS_ROLE !== "worker") {
        ctx.addIssue({
          code: "custom",
          path: ["HEALTH_PORT"],
          message: `is for PROCESS_ROLE=worker: ${env.PROCESS_ROLE} answers /healthz and /readyz on PORT`,
        });
      }
      // A real deployment must send real mail: the local mailbox would keep sign-in links in the database.
      if (sendsMail && env.NODE_ENV === "production" && env.DATABASE_URL && !env.SMTP_URL) {
        ctx.addIssue({
          code: "custom",
          path: ["SMTP_URL"],
          message:
            "is required in production with DATABASE_URL (the local mailbox is for the embedded demo)",
        });
      }
    })
    .safeParse(source);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return result.data;
}

/**
 * The address links in emails start with, for code that runs outside a request (jobs, and the
 * shift notices, which the request's context does not reach): APP_URL, else this machine.
 */
let lastAppUrl: { key: string; url: string } | null = null;

export function appUrlFromEnv(source: Record<string, string | undefined> = process.env): string {
  // Asked for every email a request queues: parse the environment again only when it changed.
  const key = `${source.APP_URL ?? ""}\n${source.PORT ?? ""}`;
  if (source === process.env && lastAppUrl?.key === key) return lastAppUrl.url;
  const env = parseEnv(source);
  const url = env.APP_URL ?? `http://localhost:${env.PORT}`;
  if (source === process.env) lastAppUrl = { key, url };
  return url;
}
