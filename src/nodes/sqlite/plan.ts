import type { KindPlanPart } from '../planParts';
import type { SqliteProps } from './descriptor';

/** A SQLite file: its folder becomes a named volume of the app's service. */
export const sqlitePlan: KindPlanPart<SqliteProps> = {
  database: { file: (props) => props.file },
};
