import { ForbiddenView } from '../components/ResultViews.js';

export default function ForbiddenPage() {
  return <ForbiddenView />;
}
