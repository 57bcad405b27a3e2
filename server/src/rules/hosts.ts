import type { DocumentRule } from '../engine/context';

export const hostRules: readonly DocumentRule[] = [];
