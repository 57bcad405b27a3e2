import type { DocumentRule } from '../engine/context';

export const generalRules: readonly DocumentRule[] = [];
