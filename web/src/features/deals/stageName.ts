import type { Stage } from '../../api/types';
import { useI18n } from '../../i18n';

/** Returns a function giving a stage's label in the current language, falling back to the key. */
export function useStageName(stages: Stage[]) {
  const { lang } = useI18n();
  return (key: string) => {
    const stage = stages.find((s) => s.key === key);
    if (!stage) return key;
    return lang === 'en' && stage.nameEn ? stage.nameEn : stage.name;
  };
}
