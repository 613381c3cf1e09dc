import { NotFoundView } from '../components/ResultViews.js';

export default function NotFoundPage() {
  return <NotFoundView />;
}
