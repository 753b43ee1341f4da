// Keyboard focus after a page change of the questionnaire (issue 13, keyboard use).
// SurveyJS scrolls to the top of the new page but leaves the focus on « Suivant » at the bottom: the next Tab leaves
// the page, and a screen reader says nothing of the new page. The focus goes to the new page's title instead, from
// where Tab reaches its first question.
import { useEffect } from 'react';
import type { Model } from 'survey-core';

export function useFocusNewPage(model: Model): void {
  useEffect(() => {
    const onPageChanged = (survey: Model) => {
      const from = document.activeElement;
      // Only when the change came from the survey itself (its buttons) or from nowhere: a page change made by the
      // page (going to a question with an error) places the focus where it means to.
      if (from && from !== document.body && !survey.rootElement?.contains(from)) return;
      window.requestAnimationFrame(() => {
        // Someone else took the focus meanwhile (an error message): leave it there. (SurveyJS may have redrawn the
        // button that had it, which leaves the focus on the body.)
        const now = document.activeElement;
        if (now !== from && now !== document.body && now !== null) return;
        const title = survey.rootElement?.querySelector<HTMLElement>('.sd-page__title');
        if (!title) return;
        title.tabIndex = -1;
        title.focus({ preventScroll: true });
      });
    };
    model.onCurrentPageChanged.add(onPageChanged);
    return () => model.onCurrentPageChanged.remove(onPageChanged);
  }, [model]);
}
