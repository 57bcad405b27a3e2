import type { DocumentRule } from '../engine/context';

export const restrictionRules: readonly DocumentRule[] = [];
