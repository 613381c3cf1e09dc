import type { DiarySegment } from '../../contracts.js';

/** Text with the searched characters marked: each run is rendered as text, never as markup. */
export function Snippet({ segments }: { segments: DiarySegment[] }) {
  return (
    <span>
      {segments.map((s, i) => (s.mark ? <mark key={i} data-testid="diary-mark">{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </span>
  );
}
