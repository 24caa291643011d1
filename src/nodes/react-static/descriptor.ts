import { defineKind } from '../types';

export interface ReactStaticProps {
  spaFallback: boolean;
}

export const reactStaticDescriptor = defineKind<'react-static', ReactStaticProps>({
  kind: 'react-static',
  label: 'React build',
  icon: 'react',
  category: 'static',
  roles: ['static'],
  role: 'The built React app: plain HTML, CSS and JS files that nginx serves from its own container.',
  doc: 'A React app is compiled (`npm run build`) into static files. Nothing runs them on the server, so the natural place is nginx’s own container: a multi-stage Dockerfile builds them with Node and copies the result into the nginx image.',
  props: {
    spaFallback: {
      type: 'boolean',
      label: 'SPA fallback',
      doc: 'Answer unknown paths with index.html (`try_files $uri $uri/ /index.html`), so client-side routes survive a reload.',
      default: true,
    },
  },
  defaultContainer: 'web',
  handles: { target: true, source: false },
  noun: 'a React build',
  nounKo: 'React 빌드',
});
