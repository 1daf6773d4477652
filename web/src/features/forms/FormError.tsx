import { Alert } from 'antd';
import { errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import type { FormErrors } from './useFormErrors';

/**
 * The form-level line under a failed save. When every field error was placed under its input this only points
 * there; otherwise it shows the error with the fields no input could take.
 */
export function FormError({ errors }: { errors: FormErrors }) {
  const { t } = useI18n();
  const { error, leftover } = errors;
  if (!error) return null;
  const allPlaced = errors.size > 0 && leftover.length === 0;
  const text = allPlaced ? t('forms.fixFields') : leftover.length ? leftover.map((f) => `${f.field}: ${f.text}`).join('; ') : errorMessage(error);
  return <Alert type="error" showIcon message={text} data-testid="form-error" />;
}
