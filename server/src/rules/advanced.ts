import type { DocumentRule } from '../engine/context';

export const advancedRules: readonly DocumentRule[] = [];
