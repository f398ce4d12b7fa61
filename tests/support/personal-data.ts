import { sql } from "kysely";
import type {
  PersonalDataPart,
  PersonalDataRecord,
  PersonalDataSection,
} from "~/modules/people/personal-data.server.ts";
import type { Database } from "~/utils/db.server.ts";

// Checks of the personal-data registry against the real schema.

/**
 * Every (table, column) that names a person: a foreign key to users(id), or a name like
 * `*user_id`, `*person_id` or `*email`.
 */
export async function personColumns(db: Database): Promise<string[]> {
  const { rows: references } = await sql<{ name: string }>`
    select distinct kcu.table_name || '.' || kcu.column_name as name
    from information_schema.referential_constraints rc
    join information_schema.key_column_usage kcu
      on kcu.constraint_schema = rc.constraint_schema and kcu.constraint_name = rc.constraint_name
    join information_schema.constraint_column_usage ccu
      on ccu.constraint_schema = rc.unique_constraint_schema
     and ccu.constraint_name = rc.unique_constraint_name
    where kcu.table_schema = 'public' and ccu.table_name = 'users' and ccu.column_name = 'id'`.execute(
    db,
  );
  const { rows: named } = await sql<{ name: string }>`
    select c.table_name || '.' || c.column_name as name
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.column_name ~ '(^|_)(user_id|person_id|email)$'
      and c.table_name <> 'kysely_migration'`.execute(db);
  return [...new Set([...references, ...named].map((r) => r.name))].sort();
}

/** What is wrong with the parts' declarations: undeclared, twice declared, or unknown columns. */
export async function registryProblems(
  db: Database,
  parts: readonly PersonalDataPart[],
): Promise<string[]> {
  const declared = new Map<string, string[]>();
  for (const part of parts)
    for (const { table, userColumns } of part.tables)
      for (const column of Object.keys(userColumns)) {
        const key = `${table}.${column}`;
        declared.set(key, [...(declared.get(key) ?? []), part.name]);
      }
  const { rows: existing } = await sql<{ name: string }>`
    select table_name || '.' || column_name as name from information_schema.columns
    where table_schema = 'public'`.execute(db);
  const exists = new Set(existing.map((r) => r.name));

  const problems: string[] = [];
  for (const column of await personColumns(db))
    if (!declared.has(column)) problems.push(`${column}: declared by no part`);
  for (const [column, by] of declared) {
    if (by.length > 1) problems.push(`${column}: declared by ${by.join(" and ")}`);
    if (!exists.has(column)) problems.push(`${column}: no such column`);
  }
  return problems.sort();
}

/**
 * Every `schema.table.column` of text (text, varchar, json, arrays) that holds one of the needles,
 * in any table of the database (the job queue's too), case-insensitively.
 */
export async function columnsNaming(db: Database, needles: readonly string[]): Promise<string[]> {
  const { rows: columns } = await sql<{ schema: string; table: string; column: string }>`
    select c.table_schema as schema, c.table_name as table, c.column_name as column
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema not in ('pg_catalog', 'information_schema')
      and t.table_type = 'BASE TABLE'
      and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
    order by 1, 2, 3`.execute(db);
  const found: string[] = [];
  for (const { schema, table, column } of columns) {
    for (const needle of needles) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(`${schema}.${table}`)}
        where strpos(lower(${sql.ref(column)}::text), ${needle.toLowerCase()}) > 0`.execute(db);
      if (rows[0]!.n > 0) found.push(`${schema}.${table}.${column} holds ${needle}`);
    }
  }
  return found;
}

/** A section of a download as a list of records. */
export function recordsOf(sections: Record<string, unknown>, key: string): PersonalDataRecord[] {
  const section = sections[key] as PersonalDataSection | undefined;
  if (section === undefined) throw new Error(`the download has no section ${key}`);
  if (section === null) return [];
  return Array.isArray(section) ? section : [section];
}
