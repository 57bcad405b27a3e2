import type { DocumentRule } from '../engine/context';

export const addressSpaceRules: readonly DocumentRule[] = [];
