import { useT } from '../../i18n';
import { m } from './messages';

const MOVES = ['pause', 'paraphrase', 'clarify', 'summarize', 'probe', 'describe'] as const;

/**
 * The listening moves and descriptive stems of collaborative coaching, folded away until wanted:
 * beside the partner's reflection and the feedback composer, where words about someone else's
 * teaching are written. Each move is one line: what it is, and a stem to start with.
 */
export function ListeningMoves() {
  const t = useT(m);
  return (
    <details className="listening-moves">
      <summary>{t('movesTitle')}</summary>
      <dl>
        {MOVES.map((move) => (
          <div key={move}>
            <dt>{t(`move_${move}`)}</dt>
            <dd>
              {t(`move_${move}_what`)} <q>{t(`move_${move}_stem`)}</q>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
