import { Alert } from 'antd';
import { ApiError, errorMessage, type FieldError } from '../../api/client';
import { useI18n } from '../../i18n';

/**
 * The form-level line under a failed save. When every field error was placed under its input this only points
 * there; otherwise it shows the server message with the fields no input could take.
 */
export function FormError({ error, leftover }: { error: unknown; leftover: FieldError[] }) {
  const { t } = useI18n();
  if (!error) return null;
  const fields = error instanceof ApiError ? (error.body.fields ?? []) : [];
  const allPlaced = fields.length > 0 && leftover.length === 0;
  const text = allPlaced
    ? t('forms.fixFields')
    : leftover.length
      ? `${(error as Error).message} (${leftover.map((f) => `${f.field}: ${f.message}`).join('; ')})`
      : errorMessage(error);
  return <Alert type="error" showIcon message={text} data-testid="form-error" />;
}
