import type { DocumentRule } from '../engine/context';
import { schemaRule } from './schema';
import { generalRules } from './general';
import { hostRules } from './hosts';
import { addressSpaceRules } from './addressSpace';
import { connectedGroupRules } from './connectedGroups';
import { restrictionRules } from './restrictions';
import { scheduleRules } from './schedule';
import { advancedRules } from './advanced';
import { mistakeRules } from './mistakes';

/** Every single-document rule, run in this order on each document of a known kind. */
export const DOCUMENT_RULES: readonly DocumentRule[] = [
  schemaRule,
  ...generalRules,
  ...hostRules,
  ...addressSpaceRules,
  ...connectedGroupRules,
  ...restrictionRules,
  ...scheduleRules,
  ...advancedRules,
  ...mistakeRules,
];
