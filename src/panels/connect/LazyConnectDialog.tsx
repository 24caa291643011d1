import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store';

const ConnectDialog = lazy(() =>
  import('./ConnectDialog').then((module) => ({ default: module.ConnectDialog })),
);

/** The connect dialog, loaded the first time C opens it: it is not part of the editor's first paint. */
export function LazyConnectDialog() {
  const open = useAppStore((state) => state.connectFrom !== null);
  return open ? (
    <Suspense fallback={null}>
      <ConnectDialog />
    </Suspense>
  ) : null;
}
