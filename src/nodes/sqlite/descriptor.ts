import { checkAbsolutePath } from '../../model/fields';
import { defineKind } from '../types';

export interface SqliteProps {
  file: string;
}

export const sqliteDescriptor = defineKind<'sqlite', SqliteProps>({
  kind: 'sqlite',
  label: 'SQLite',
  icon: 'sqlite',
  category: 'data',
  roles: ['database'],
  role: 'The database: a single file the Flask app opens directly, with no server of its own.',
  doc: 'SQLite is a file, not a network service: only processes that can open the file can use it, so it must live in the app’s container, on a named volume so the data outlives the container. WAL mode and a busy timeout let several workers read and write safely.',
  summary: (props) => props.file,
  shape: 'cylinder',
  props: {
    file: {
      type: 'string',
      label: 'Database file',
      doc: 'Absolute path of the database file inside the app container; its folder becomes a named volume.',
      default: '/data/app.db',
      rule: { id: 'invalid-path', check: (value: string) => checkAbsolutePath(value) },
    },
  },
  defaultContainer: 'app',
  handles: { target: true, source: false },
  noun: 'SQLite',
  nounKo: 'SQLite',
});
