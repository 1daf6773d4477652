import { createContext, useContext } from 'react';

/** `GET /api/me/abilities`: the server's policy answers, so the web app keeps no role lists of its own. */
export interface Abilities {
  abilities: Record<string, Record<string, boolean>>;
  hiddenFields: string[];
}

export interface AbilityCheck {
  /** `can('rule.manage')`: whether the server's policy lets me do it (unknown actions: no). */
  can(action: string): boolean;
  /** `hidden('deal.amountFen')`: the server removes this field from everything it sends me. */
  hidden(field: string): boolean;
}

export function abilityCheck(data: Abilities): AbilityCheck {
  return {
    can: (action) => {
      const [module, name] = action.split('.');
      return data.abilities[module]?.[name] === true;
    },
    hidden: (field) => data.hiddenFields.includes(field),
  };
}

export const AbilitiesContext = createContext<AbilityCheck | null>(null);

export function useAbilities(): AbilityCheck {
  const value = useContext(AbilitiesContext);
  if (!value) throw new Error('useAbilities outside AuthProvider');
  return value;
}
