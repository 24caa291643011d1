import type { KindPlanPart } from '../planParts';
import type { ReactStaticProps } from './descriptor';

/** A React build: built with npm in a first stage, served by the proxy in its container. */
export const reactStaticPlan: KindPlanPart<ReactStaticProps> = {
  static: {
    spaFallback: (props) => props.spaFallback,
    build: {
      commands: [
        ['npm', 'install', '--no-audit', '--no-fund'],
        ['npm', 'run', 'build'],
      ],
      output: 'dist',
    },
  },
};
