// Cards above the questionnaire: the confidentiality promise (first page) and the resume-elsewhere link.
import { useId, useState } from 'react';
import { copyText } from '../../copyText';

/** Wide enough to show the whole promise open without pushing the first question out of view. */
const WIDE = '(min-width: 40rem) and (min-height: 40rem)';

/**
 * What happens to the answers, in the respondent's words; k is the server's anonymity threshold. Its first sentence
 * is always in view; the rest is open on a large screen and one tap away on a phone, so that the first question
 * stays in view there.
 */
export function ConfidentialityPromise({ k }: { k: number }) {
  const [open] = useState(() => typeof window.matchMedia === 'function' && window.matchMedia(WIDE).matches);
  return (
    <aside className="promise" aria-label="Confidentialité de vos réponses" data-testid="promesse-confidentialite">
      <details open={open}>
        <summary>
          <strong>Vos réponses sont confidentielles.</strong> <span className="promise-more">Ce que cela garantit</span>
        </summary>
        <ul>
          <li>La coordination de votre pôle voit seulement si ce lien a été ouvert ou envoyé, jamais vos réponses.</li>
          <li>Une fois envoyées, vos réponses sont enregistrées sans aucun lien avec cette invitation, sans heure d’envoi.</li>
          <li>
            Les résultats ne montrent que des groupes d’au moins {k} personnes (les petits collèges sont regroupés) et
            n’évoluent que par paquets d’au moins {k} nouvelles réponses ; les réponses libres sont citées sans nom ni
            collège.
          </li>
          <li>Le Labo de l’ESS voit les mêmes résultats groupés.</li>
        </ul>
        <p className="promise-title">Vos réponses envoyées ne sont jamais enregistrées avec votre nom ni votre lien.</p>
      </details>
    </aside>
  );
}

/** The resume link (shown only to the browser holding the draft), collapsed so that the first question stays in view. */
export function ResumeElsewhere({ path }: { path: string }) {
  const [copied, setCopied] = useState('');
  const inputId = useId();
  const hintId = useId();
  const url = new URL(path, window.location.origin).href;
  return (
    <details className="card resume-elsewhere" data-testid="reprendre-ailleurs">
      <summary>Reprendre sur un autre appareil</summary>
      <p id={hintId}>
        Ouvrez ce lien sur l’autre appareil : vos réponses en cours y seront déplacées et ne seront plus accessibles
        ici ; il ne sert qu’une fois, ne le partagez avec personne.
      </p>
      <label htmlFor={inputId}>Lien de reprise</label>
      <div className="resume-row">
        <input
          id={inputId}
          type="text"
          readOnly
          value={url}
          aria-describedby={hintId}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="lien-reprise"
        />
        <button
          type="button"
          className="button-secondary button-small"
          onClick={async () => setCopied((await copyText(url)) ? 'Lien de reprise copié.' : 'La copie a échoué : sélectionnez le lien et copiez-le.')}
        >
          Copier le lien
        </button>
      </div>
      <p className="hint" aria-live="polite">
        {copied}
      </p>
    </details>
  );
}
