import { checkLabel } from '../../model/fields';
import { defineKind } from '../types';

export interface ClientProps {
  label: string;
}

export const clientDescriptor = defineKind<'client', ClientProps>({
  kind: 'client',
  label: 'Client',
  icon: 'client',
  category: 'client',
  roles: ['client'],
  role: 'The user’s browser or app: it only ever talks HTTP to the front door.',
  doc: 'Clients sit outside every container. They should reach the stack only through nginx, which buffers slow connections and serves static files, so the Python workers behind it are never tied up by a slow client.',
  title: (props) => props.label,
  shape: 'stadium',
  props: {
    label: {
      type: 'string',
      label: 'Label',
      doc: 'What to call this client on the diagram (for example "Browser" or "Mobile app").',
      default: 'Browser',
      rule: { id: 'invalid-label', check: (value: string) => checkLabel(value) },
    },
  },
  defaultContainer: null,
  handles: { target: false, source: true },
  noun: 'a client',
  nounKo: '클라이언트',
});
