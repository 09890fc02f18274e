import { getTableName } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { users } from '../schema/user.ts';
import { listTables } from '../schema-tables.ts';

/**
 * What erasing a member does to a column that can hold their id:
 * - `delete`: the row is about them (their presence, their session): the row goes.
 * - `clear`: they are only the actor of a row about someone else (who banned, who changed a
 *   role): the id is replaced (null, or `erased` where the column is required).
 * - `mention`: free-form audit fields (`resourceId`, `details`) that may name them: the row goes.
 * - `marker`: the opt-out suppression marker, the one thing an opt-out keeps.
 */
export type UserColumnRole = 'delete' | 'clear' | 'mention' | 'marker';

/** A column of the schema that can hold a member's Discord id or internal user id. */
export interface UserColumn {
  table: string;
  column: string;
  role: UserColumnRole;
  notNull: boolean;
  /** Whether the SQL type is text (otherwise comparisons cast it). */
  isText: boolean;
}

/** A column name that suggests a person; each must be classified by {@link classifyColumn}. */
export const USER_ISH_NAME = /user|discord|actor|owner|author|member|target|moderator|By$/i;

/** Names that look personal but hold no identifier (a count, a header, a profile field of User). */
const NOT_IDENTIFIERS = new Set(['memberCount', 'userAgent', 'username']);

const ID_TYPES = new Set(['PgText', 'PgVarchar', 'PgUUID', 'PgJsonb', 'PgArray']);
const ACTOR_NAME = /^(actorId|ownerId)$|By$/;
const MENTION_NAMES = new Set(['resourceId', 'details']);

const referencesUser = (table: PgTable, column: PgColumn): boolean =>
  getTableConfig(table).foreignKeys.some((fk) => {
    const reference = fk.reference();
    return (
      reference.foreignTable === users &&
      reference.columns.some((local) => local.name === column.name)
    );
  });

/**
 * The rule, by type, foreign key and column name (docs/privacy.md); only text-like columns
 * (text, uuid, jsonb, arrays) can hold an id:
 * 1. a foreign key to `User.id`, or a column named `userId` / `…UserId` → `delete`;
 * 2. `discordId` / `…DiscordId` → `delete`, except `OptOut.discordId` → `marker`;
 * 3. `actorId`, `ownerId`, `…By` (bannedBy, blockedBy…) → `clear`;
 * 4. `resourceId` and `details` (audit tables) → `mention`;
 * otherwise `none`, or `unclassified` when the name looks personal ({@link USER_ISH_NAME}) —
 * the table-scan test fails on those, so a new table cannot be forgotten.
 */
export const classifyColumn = (
  table: PgTable,
  column: PgColumn,
): UserColumnRole | 'none' | 'unclassified' => {
  const name = column.name;
  // Ids are text (snowflakes, uuids); a boolean or a number cannot hold one.
  if (!ID_TYPES.has(column.columnType)) return 'none';
  if (referencesUser(table, column) || name === 'userId' || name.endsWith('UserId'))
    return 'delete';
  if (name === 'discordId' || name.endsWith('DiscordId')) {
    return getTableName(table) === 'OptOut' ? 'marker' : 'delete';
  }
  if (ACTOR_NAME.test(name)) return 'clear';
  if (MENTION_NAMES.has(name) && getTableName(table).startsWith('AuditLog')) return 'mention';
  if (NOT_IDENTIFIERS.has(name)) return 'none';
  return USER_ISH_NAME.test(name) ? 'unclassified' : 'none';
};

/** Every user-bearing column of the schema, table by table (derived, never listed by hand). */
export const listUserColumns = (): UserColumn[] =>
  listTables().flatMap((table) =>
    getTableConfig(table).columns.flatMap((column): UserColumn[] => {
      const role = classifyColumn(table, column);
      if (role === 'none' || role === 'unclassified') return [];
      return [
        {
          table: getTableName(table),
          column: column.name,
          role,
          notNull: column.notNull,
          isText: column.columnType === 'PgText',
        },
      ];
    }),
  );

/** Columns whose names look personal but that the rule does not classify (must be empty). */
export const listUnclassifiedColumns = (): string[] =>
  listTables().flatMap((table) =>
    getTableConfig(table)
      .columns.filter((column) => classifyColumn(table, column) === 'unclassified')
      .map((column) => `${getTableName(table)}.${column.name}`),
  );

/** Whether a table has a `guildId` column (its rows belong to one guild). */
export const listGuildScopedTables = (): string[] =>
  listTables()
    .filter((table) => getTableConfig(table).columns.some((column) => column.name === 'guildId'))
    .map((table) => getTableName(table));

/** `"col"` as text, so uuid or other columns compare with a text array. */
export const asText = (column: UserColumn): string =>
  column.isText ? `"${column.column}"` : `"${column.column}"::text`;
