// Probes run inside the page under test (added to every page by a11y.ts: kept plain JavaScript so that no
// transpiler helper leaks into the page). They read the layout and the focus; they never act on the page.
window.ptceA11y = (() => {
  // No transitions (SurveyJS animates its focus shadows): the styles read right after a key press are the final ones.
  const still = document.createElement('style');
  still.textContent = '*, *::before, *::after { transition: none !important; }';
  const addStill = () => document.head.appendChild(still);
  if (document.head) addStill();
  else document.addEventListener('DOMContentLoaded', addStill, { once: true });

  const CONTROLS = [
    'a[href]', 'button', 'input:not([type="hidden"])', 'select', 'textarea', 'summary',
    '[role="button"]', '[role="link"]', '[role="radio"]', '[role="checkbox"]', '[role="switch"]', '[role="tab"]',
    '[role="combobox"]', '[role="option"]', '[tabindex]:not([tabindex="-1"])',
  ].join(', ');

  function describe(el) {
    const text = (el.getAttribute('aria-label') || el.innerText || el.getAttribute('value') || '').trim().replace(/\s+/g, ' ').slice(0, 50);
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}` : '';
    const type = el.getAttribute('type') ? `[type=${el.getAttribute('type')}]` : '';
    return `${el.tagName.toLowerCase()}${type}${cls} « ${text} »`;
  }

  /** The block (non-inline) ancestor an inline element sits in. */
  function blockOf(el) {
    let p = el.parentElement;
    while (p && getComputedStyle(p).display.startsWith('inline')) p = p.parentElement;
    return p;
  }

  /** WCAG 2.5.5's « inline » exception: a link laid out inline in a block that holds other text. */
  function isInlineInText(el) {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const own = (el.textContent || '').replace(/\s+/g, ' ').trim();
    const around = (blockOf(el)?.textContent || '').replace(/\s+/g, ' ').trim();
    return around.length > own.length;
  }

  function rendered(el) {
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[hidden], [inert]');
  }

  /** What a tap activates: a radio button or checkbox is activated by its label (SurveyJS hides the input itself). */
  function targetOf(el) {
    if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) return el.closest('label') || el.labels?.[0] || el;
    return el;
  }

  function smallTargets(min) {
    const small = [];
    const inlineLinks = [];
    const seen = new Set();
    for (const el of document.querySelectorAll(CONTROLS)) {
      const target = targetOf(el);
      if (seen.has(target)) continue;
      seen.add(target);
      if (!rendered(target)) continue;
      if (isInlineInText(el)) {
        inlineLinks.push(describe(el));
        continue;
      }
      const height = target.getBoundingClientRect().height;
      if (height < min - 0.5) small.push({ control: describe(target), height: Math.round(height * 10) / 10 });
    }
    return { small, inlineLinks };
  }

  /** Elements sticking out on the right of the viewport, outside any element that scrolls (or clips) on its own. */
  function overflow() {
    const viewportWidth = document.documentElement.clientWidth;
    const offenders = [];
    const clipped = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= viewportWidth + 0.5 || clipped(el)) continue;
      offenders.push(`${describe(el)} (right ${Math.round(rect.right)})`);
    }
    // Elements that scroll sideways on their own (a wide table in its frame): allowed for staff data tables only.
    const scrollers = [];
    for (const el of document.body.querySelectorAll('*')) {
      // Text fields scroll their own value; visually hidden text is clipped to a pixel on purpose.
      if (el.matches('input, textarea') || el.clientWidth <= 4) continue;
      if (getComputedStyle(el).overflowX === 'visible' || el.scrollWidth <= el.clientWidth + 1 || !rendered(el)) continue;
      scrollers.push(`${describe(el)} (${el.scrollWidth} > ${el.clientWidth})`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, viewportWidth, offenders: offenders.slice(0, 10), scrollers: scrollers.slice(0, 10) };
  }

  /**
   * Text cut off: elements whose own text overflows their box while they hide the overflow (ellipsis, clipping),
   * apart from visually hidden text (1 px boxes, on purpose).
   */
  function clippedText() {
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (style.overflowX === 'visible' && style.overflowY === 'visible' && style.textOverflow !== 'ellipsis') continue;
      if (el.clientWidth <= 1 || el.clientHeight <= 1 || !rendered(el)) continue;
      if (style.overflowX === 'auto' || style.overflowX === 'scroll' || style.overflowY === 'auto' || style.overflowY === 'scroll') continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      if (!ownText) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) out.push(describe(el));
    }
    return out.slice(0, 10);
  }

  /**
   * What can show an element's keyboard focus: the element itself unless visually hidden (SurveyJS hides its native
   * radio buttons), its labels, and the two elements around it (the frame of a text field, styled by :focus-within).
   */
  function focusCarriers(el) {
    const carriers = [el, ...(el.labels ? [...el.labels] : []), el.parentElement, el.parentElement?.parentElement];
    return carriers.filter((c) => {
      if (!c || c === document.body) return false;
      const rect = c.getBoundingClientRect();
      return rect.width >= 4 && rect.height >= 4 && getComputedStyle(c).visibility !== 'hidden';
    });
  }

  function ringOf(c) {
    const s = getComputedStyle(c);
    const outline = s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2 ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : 'none';
    return { outline, boxShadow: s.boxShadow || 'none' };
  }

  let lastFocus = null;

  /**
   * Called after each key press: says whether the element that had the focus at the previous call, now that it lost
   * it, looked different while focused (an outline of 2 px or more, or a box-shadow, that it no longer has), and
   * notes how the element now focused looks. The comparison with the same element unfocused keeps a permanent
   * shadow (SurveyJS's radio circles, cards) from passing for a focus indicator.
   */
  function focusStep() {
    const result = { previous: null, current: null };
    const el = document.activeElement && document.activeElement !== document.body ? document.activeElement : null;
    // Headings and other elements the page focuses on purpose (tabindex="-1") are not controls: Tab never reaches them.
    if (lastFocus && lastFocus.el !== el && lastFocus.el.isConnected && lastFocus.el.getAttribute('tabindex') !== '-1') {
      const shown = lastFocus.carriers.some(({ c, ring }) => {
        if (!c.isConnected) return false;
        const now = ringOf(c);
        return (ring.outline !== 'none' && ring.outline !== now.outline) || (ring.boxShadow !== 'none' && ring.boxShadow !== now.boxShadow);
      });
      result.previous = { control: lastFocus.control, shown };
    }
    // An element keeps the look it had when it got the focus: the focus may then move inside it (a date field's
    // day, month, year and calendar button), where the browser draws its own marks.
    if (!el) lastFocus = null;
    else if (!lastFocus || lastFocus.el !== el) lastFocus = { el, control: describe(el), carriers: focusCarriers(el).map((c) => ({ c, ring: ringOf(c) })) };
    result.current = focused();
    return result;
  }

  /** The focused element, described for the keyboard walk: what it is and, for a radio button, whether its group has an answer. */
  function focused() {
    const el = document.activeElement;
    if (!el || el === document.body) return { kind: 'none', control: 'body' };
    const question = el.closest('[data-name]')?.getAttribute('data-name') ?? null;
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 80);
    const base = { control: describe(el), question, text, tag: el.tagName.toLowerCase(), type: el.getAttribute('type'), role: el.getAttribute('role') };
    if (el instanceof HTMLInputElement && el.type === 'radio') {
      const group = [...document.querySelectorAll(`input[type="radio"][name="${CSS.escape(el.name)}"]`)];
      const checked = group.find((r) => r.checked);
      return { ...base, kind: 'radio', group: el.name, answered: Boolean(checked), value: checked ? checked.value : null, matrix: Boolean(el.closest('.sd-matrix, .sd-table')) };
    }
    if (el instanceof HTMLInputElement && el.type === 'checkbox') return { ...base, kind: 'checkbox', checked: el.checked };
    if (el instanceof HTMLTextAreaElement) return { ...base, kind: 'textarea', value: el.value };
    if (el instanceof HTMLInputElement) return { ...base, kind: 'input', value: el.value };
    if (el.tagName === 'BUTTON' || el.getAttribute('role') === 'button' || (el instanceof HTMLInputElement && el.type === 'button')) return { ...base, kind: 'button' };
    return { ...base, kind: 'other' };
  }

  /**
   * The matrices of the page as laid out: whether SurveyJS draws them in its narrow-screen form, and for each
   * statement (row) the boxes of the statement and of its choices.
   */
  function matrices() {
    return [...document.querySelectorAll('.sd-question')].filter((q) => q.querySelector(':scope .sd-matrix__table, :scope table.sd-table')).map((q) => {
      const rows = [...q.querySelectorAll('tbody tr')].filter((r) => r.querySelector('input[type="radio"], input[type="checkbox"]'));
      const box = (el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      };
      return {
        name: q.getAttribute('data-name'),
        mobile: q.classList.contains('sd-question--mobile'),
        headerShown: [...q.querySelectorAll('thead')].some((h) => rendered(h)),
        rows: rows.map((r) => ({
          row: box(r),
          statement: (r.querySelector('.sd-matrix__cell--row-text, .sd-table__cell--row-text, th, td') || r).innerText.trim().slice(0, 60),
          choices: [...r.querySelectorAll('label')].filter(rendered).map(box),
        })),
      };
    });
  }

  return { smallTargets, overflow, clippedText, focusStep, focused, matrices, describe };
})();
