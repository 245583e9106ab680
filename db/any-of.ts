import { sql, type SQLWrapper } from "drizzle-orm";

/**
 * `column = any($1::uuid[])` / `::text[]`: the whole list as one array parameter. For the jobs' batches
 * of hundreds, inArray's one parameter per value makes every statement new text to parse and plan.
 */
export const anyUuid = (column: SQLWrapper, values: string[]) => sql`${column} = any(${sql.param(values)}::uuid[])`;
export const anyText = (column: SQLWrapper, values: string[]) => sql`${column} = any(${sql.param(values)}::text[])`;
