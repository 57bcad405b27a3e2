import type { DocumentRule } from '../engine/context';

export const connectedGroupRules: readonly DocumentRule[] = [];
