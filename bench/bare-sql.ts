import pg from "pg";

// "The same statements as bare SQL": one call of the app's code (a claim) is recorded at the
// PostgreSQL driver, statement by statement with its parameters and results, and can then be
// replayed on a plain pg pool with other ids swapped in. The difference between the two runs is
// what Node, Kysely, pg-boss's JavaScript and the app's own code add to the database's work.

export interface RecordedStatement {
  text: string;
  values: unknown[];
  /** The ids the statement returned (an INSERT … RETURNING id), to map to the replay's. */
  returnedIds: number[];
}

type QueryFn = (...args: unknown[]) => unknown;

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
            for (const row of answer?.rows ?? [])
              if (typeof row.id === "number") statement.returnedIds.push(row.id);
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
 * (the person, the shift) to new ones and the ids the recording's INSERTs returned to the ones the
 * replay's INSERTs return. A refusal (an error) rolls back and answers false.
 */
export async function replayStatements(
  pool: pg.Pool,
  statements: RecordedStatement[],
  swap: Map<number, number>,
): Promise<boolean> {
  const client = await pool.connect();
  const ids = new Map(swap);
  let inTransaction = false;
  try {
    for (const statement of statements) {
      const values = statement.values.map((value) => swapValue(value, ids));
      const answer = await client.query(statement.text, values);
      if (/^\s*begin/i.test(statement.text)) inTransaction = true;
      if (/^\s*(commit|rollback)/i.test(statement.text)) inTransaction = false;
      statement.returnedIds.forEach((recordedId, index) => {
        const id = answer.rows[index]?.id;
        if (typeof id === "number") ids.set(recordedId, id);
      });
    }
    return true;
  } catch {
    if (inTransaction) await client.query("rollback").catch(() => undefined);
    return false;
  } finally {
    client.release();
  }
}

function swapValue(value: unknown, ids: Map<number, number>): unknown {
  if (typeof value === "number") return ids.get(value) ?? value;
  if (typeof value === "string") {
    // Ids inside keys and job data: `shift_confirmed:123`, `{"messageId":123}`.
    return value.replace(/(:|"messageId":)(\d+)\b/g, (whole, before: string, digits: string) => {
      const id = ids.get(Number(digits));
      return id === undefined ? whole : `${before}${id}`;
    });
  }
  return value;
}
