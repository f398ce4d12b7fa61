import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

// The typed shape of the database. Kept beside the migrations and changed with them.

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A `date` column: read as a YYYY-MM-DD string (see the type parser in app/utils/db.server.ts). */
type DateString = ColumnType<string, string, string>;

export type Language = "nl" | "fr" | "en";
export type Role = "admin" | "regional_staff" | "coordinator" | "volunteer";
export type DigipuntKind = "fixed" | "mobile";

export interface RegionsTable {
  id: Generated<number>;
  name: string;
  created_at: CreatedAt;
}

export interface MunicipalitiesTable {
  id: Generated<number>;
  region_id: number;
  name: string;
  postal_code: string;
}

export interface DigibanksTable {
  id: Generated<number>;
  region_id: number;
  name: string;
  created_at: CreatedAt;
}

export interface DigipuntenTable {
  id: Generated<number>;
  digibank_id: number;
  municipality_id: number;
  name: string;
  kind: DigipuntKind;
  address: string | null;
  accessibility_notes: string | null;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  language: ColumnType<Language, Language | undefined, Language>;
  volunteering_since: DateString | null;
  created_at: CreatedAt;
}

export interface RoleAssignmentsTable {
  id: Generated<number>;
  user_id: number;
  role: Role;
  region_id: number | null;
  digibank_id: number | null;
  created_at: CreatedAt;
}

export interface DB {
  regions: RegionsTable;
  municipalities: MunicipalitiesTable;
  digibanks: DigibanksTable;
  digipunten: DigipuntenTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
}

export type Region = Selectable<RegionsTable>;
export type Digibank = Selectable<DigibanksTable>;
export type Digipunt = Selectable<DigipuntenTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type RoleAssignment = Selectable<RoleAssignmentsTable>;
