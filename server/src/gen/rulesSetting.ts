import { CODES } from '../rules/codes';

/**
 * The `exchangeConnectors.rules` setting's properties in package.json: one per
 * code, with its summary and default severity, so the settings editor and
 * settings.json completion offer every code.
 */

export const RULES_SETTING = 'exchangeConnectors.rules';
export const SETTING_VALUES = ['off', 'error', 'warning', 'information', 'hint'] as const;

export function rulesSettingProperties(): Record<string, { type: 'string'; enum: string[]; markdownDescription: string }> {
  const out: Record<string, { type: 'string'; enum: string[]; markdownDescription: string }> = {};
  for (const [code, info] of Object.entries(CODES)) {
    out[code] = { type: 'string', enum: [...SETTING_VALUES], markdownDescription: `${info.summary} Default: \`${info.severity}\`.` };
  }
  return out;
}

/** package.json's text with the setting's properties regenerated; the rest of the manifest is kept as it is. */
export function updatePackageJson(text: string): string {
  const pkg = JSON.parse(text);
  const setting = pkg?.contributes?.configuration?.properties?.[RULES_SETTING];
  if (!setting) throw new Error(`package.json has no contributes.configuration.properties["${RULES_SETTING}"]`);
  setting.properties = rulesSettingProperties();
  return JSON.stringify(pkg, null, 2) + '\n';
}
