import { ApiError } from '../api.js';
import { ErrorView, ForbiddenView, NotFoundView } from './ResultViews.js';

/** The right result page for a failed main request: 403, 404 or a generic error with retry. */
export function ApiFailure({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && error.status === 403) return <ForbiddenView detail={error.message} />;
  if (error instanceof ApiError && error.status === 404) return <NotFoundView detail={error.message} />;
  return <ErrorView detail={error instanceof Error ? error.message : String(error)} onRetry={onRetry} />;
}
