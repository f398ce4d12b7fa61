import pg from "pg";

// "The same statements as bare SQL": one call of the app's code (a claim) is recorded at the
// PostgreSQL driver, statement by statement with its parameters and results, and can then be
// replayed on a plain pg pool with other ids swapped in. The difference between the two runs is
// what Node, Kysely, pg-boss's JavaScript and the app's own code add to the database's work.
//
// Record while nothing else uses the driver: the recording hooks every pg client in the process,
// so a pg-boss maintenance query running at that moment would be replayed with every claim (the
// bench runs its job queue as a web process, which runs none).

export interface RecordedStatement {
  text: string;
  values: unknown[];
  /** Per returned row, the ids it held by column (an INSERT … RETURNING id, a claim's CTE). */
  returnedIds: Array<Record<string, number>>;
}

type QueryFn = (...args: unknown[]) => unknown;

const isIdColumn = (column: string) => /(^id|Id|_id)$/.test(column);

/** Runs `call` with every query on any pg client recorded. */
export async function recordStatements(call: () => Promise<unknown>): Promise<RecordedStatement[]> {
  const recorded: RecordedStatement[] = [];
  const prototype = pg.Client.prototype as unknown as { query: QueryFn };
  const original = prototype.query;
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args as [unknown, unknown];
    const text = typeof config === "string" ? config : (config as { text?: string } | null)?.text;
    const params =
      (config as { values?: unknown[] } | null)?.values ?? (Array.isArray(values) ? values : []);
    const result = original.apply(this, args);
    if (typeof text === "string") {
      const statement: RecordedStatement = { text, values: [...params], returnedIds: [] };
      recorded.push(statement);
      if (result && typeof (result as Promise<unknown>).then === "function") {
        void (result as Promise<{ rows?: Array<Record<string, unknown>> }>).then(
          (answer) => {
            for (const row of answer?.rows ?? []) {
              const ids: Record<string, number> = {};
              for (const [column, value] of Object.entries(row))
                if (isIdColumn(column) && typeof value === "number") ids[column] = value;
              statement.returnedIds.push(ids);
            }
          },
          () => undefined,
        );
      }
    }
    return result;
  } as QueryFn;
  try {
    await call();
  } finally {
    prototype.query = original;
  }
  return recorded;
}

/**
 * Replays recorded statements on one connection of `pool`, with `swap` mapping the recorded ids
 * (the person, the shift) to new ones and the ids the recording's statements returned to the ones
 * the replay's return. A refusal (an error) rolls back, is counted in `refusals` by its code and
 * constraint, and answers false.
 */
export async function replayStatements(
  pool: pg.Pool,
  statements: RecordedStatement[],
  swap: Map<number, number>,
  refusals: Map<string, number> = new Map(),
): Promise<boolean> {
  const client = await pool.connect();
  const ids = new Map(swap);
  let inTransaction = false;
  try {
    for (const statement of statements) {
      const values = statement.values.map((value) => swapValue(value, ids));
      if (/^\s*begin/i.test(statement.text)) inTransaction = true;
      const answer = await client.query<Record<string, unknown>>(statement.text, values);
      if (/^\s*(commit|rollback)/i.test(statement.text)) inTransaction = false;
      statement.returnedIds.forEach((recorded, index) => {
        for (const [column, recordedId] of Object.entries(recorded)) {
          const id = answer.rows[index]?.[column];
          if (typeof id === "number") ids.set(recordedId, id);
        }
      });
    }
    return true;
  } catch (error) {
    const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string };
    const reason = `${code ?? "?"} ${constraint ?? String(error)}`;
    refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
    if (inTransaction) await client.query("rollback").catch(() => undefined);
    return false;
  } finally {
    client.release();
  }
}

function swapValue(value: unknown, ids: Map<number, number>): unknown {
  if (typeof value === "number") return ids.get(value) ?? value;
  if (typeof value === "string") {
    // Ids inside keys and JSON: `shift_confirmed:123`, `{"messageId":123}`, `"shiftId":123`.
    return value.replace(/(:|"messageId":)(\d+)\b/g, (whole, before: string, digits: string) => {
      const id = ids.get(Number(digits));
      return id === undefined ? whole : `${before}${id}`;
    });
  }
  return value;
}
