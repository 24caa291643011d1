import type { KindPlanPart } from '../planParts';
import type { ClientProps } from './descriptor';

/** A client runs nowhere in the bundle: the smoke check plays its part. */
export const clientPlan: KindPlanPart<ClientProps> = {};
