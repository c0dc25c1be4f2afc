// Suggestions under a text input (an ARIA combobox): asks as the user types
// (debounced, stale requests aborted), lists matches, picks with the mouse or
// the arrow keys and Enter.
import { h } from './dom.js';

/**
 * @param {HTMLInputElement} input
 * @param {{fetch: (text: string, signal: AbortSignal) => Promise<Array<object>>,
 *   render: (item: object) => Node, choose: (item: object) => void,
 *   enter?: (text: string) => void, minLength?: number}} opts
 */
export function attachSuggestions(input, opts) {
  const { minLength = 2 } = opts;
  const list = h('ul.suggestions', { role: 'listbox', id: `${input.id}-list`, hidden: true });
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');
  input.autocomplete = 'off';
  let items = [];
  let active = -1;
  let timer = null;
  let controller = null;
  let seq = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const mark = () => {
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) input.setAttribute('aria-activedescendant', list.children[active].id);
    else input.removeAttribute('aria-activedescendant');
  };
  const pick = (i) => {
    const item = items[i];
    if (!item) return;
    close();
    opts.choose(item);
  };
  const show = (found, text) => {
    items = found;
    list.replaceChildren(...found.map((item, i) => h('li.suggestion', {
      role: 'option', id: `${list.id}-${i}`,
      onmousedown: (ev) => { ev.preventDefault(); pick(i); },
    }, opts.render(item, text))));
    if (!found.length) list.append(h('li.suggestion.none', { role: 'option', 'aria-disabled': 'true' }, `No actor matches “${text}”`));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = found.length ? 0 : -1;
    mark();
  };
  const ask = async () => {
    const text = input.value.trim();
    controller?.abort();
    if (text.length < minLength) { close(); return; }
    controller = new AbortController();
    const mine = ++seq;
    input.classList.add('loading');
    try {
      const found = await opts.fetch(text, controller.signal);
      if (mine === seq && document.activeElement === input) show(found, text);
    } catch (err) {
      if (err?.name !== 'AbortError' && mine === seq) {
        list.replaceChildren(h('li.suggestion.none.error', String(err.message ?? err)));
        list.hidden = false;
      }
    } finally {
      if (mine === seq) input.classList.remove('loading');
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (list.hidden) { ask(); return; }
      ev.preventDefault();
      const n = items.length;
      if (!n) return;
      active = (active + (ev.key === 'ArrowDown' ? 1 : n - 1)) % n;
      mark();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (!list.hidden && active >= 0) pick(active);
      else { close(); opts.enter?.(input.value.trim()); }
    } else if (ev.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
  return { close };
}
