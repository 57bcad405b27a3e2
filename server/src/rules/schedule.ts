import type { DocumentRule } from '../engine/context';

export const scheduleRules: readonly DocumentRule[] = [];
