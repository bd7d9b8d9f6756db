// The in-page half of the friction recorder: an init script that reports what the buyer does, seen
// from the browser's side (trusted input events, submitted forms, loaded screens), to a binding the
// recorder exposes on the context. It never reports a typed value: only control names and field labels.

/** The binding the probe calls (BrowserContext.exposeBinding). */
export const PROBE_BINDING = '__cwFriction';

/** A field of a submitted form, as its visible label names it. */
export interface ProbeField {
  label: string;
  type: string;
  required: boolean;
}

/** What the probe reports, each with an id unique per tab and the page's `Date.now()` when it happened. */
export type ProbeEvent = { id?: string; t?: number } & ProbeEventBody;

/** `press`: a pointer press or Enter/Space on a control; `type`: a field typed into; `select`: an option chosen. */
export type ProbeEventBody =
  | { k: 'press'; via: 'pointer' | 'key'; name: string }
  | { k: 'type'; field: string }
  | { k: 'select'; field: string }
  | { k: 'submit'; method: string; action: string; fields: ProbeField[] }
  /**
   * The forms a document holds that demand something (at least one required field), with their required
   * fields only: sent when the document loads and again when its forms change (a dialog rendered later).
   * A removal that demands a field is counted even when the walk never submits it.
   */
  | { k: 'forms'; forms: { action: string; fields: ProbeField[] }[] }
  /** A document loaded in the top frame; `typed`: opened by address (no referrer), not by a link or form. */
  | { k: 'screen'; url: string; h1: string; title: string; typed: boolean };

/**
 * The script (a string: the project type-checks without the DOM library). Presses (pointer, Enter,
 * Space) must be trusted, so the page's own scripts cannot inflate them; typing and choosing an option
 * are counted once per field in a row whatever their trust, because Playwright's `selectOption`, its
 * `fill` of date-like inputs and the suite's secret fill dispatch untrusted events.
 */
export const PROBE_SCRIPT = `(() => {
  if (window.__cwFrictionProbe) return;
  window.__cwFrictionProbe = true;
  // A call made just before the document unloads can be dropped with its execution context (a form
  // post, a link): each event waits in sessionStorage until the binding answered, and the tab's next
  // document of the origin sends what is left. Events carry an id (the recorder drops repeats) and
  // the time they happened (the recorder attributes them to the step that was running then).
  const KEY = '__cwFrictionPending';
  const pending = () => { try { return JSON.parse(sessionStorage.getItem(KEY) || '[]'); } catch (_) { return []; } };
  const keep = (list) => { try { sessionStorage.setItem(KEY, JSON.stringify(list)); } catch (_) {} };
  const deliver = (e) => {
    try {
      const f = window[${JSON.stringify(PROBE_BINDING)}];
      if (typeof f !== 'function') return;
      Promise.resolve(f(e)).then(() => keep(pending().filter((p) => p.id !== e.id)), () => {});
    } catch (_) {}
  };
  const doc = Math.random().toString(36).slice(2);
  let seq = 0;
  const send = (e) => {
    e.id = doc + '-' + seq++;
    e.t = Date.now();
    keep(pending().concat([e]).slice(-50));
    deliver(e);
  };
  const resend = () => { for (const e of pending()) deliver(e); };
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', resend, { once: true });
  else resend();
  const clean = (s) => (s || '').replace(/\\s+/g, ' ').trim().slice(0, 120);
  const NOT_FIELD = new Set(['submit', 'button', 'reset', 'image', 'hidden', 'file']);
  const NOT_TEXT = new Set(['checkbox', 'radio', 'submit', 'button', 'reset', 'image', 'hidden', 'file']);
  const isText = (el) => el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !NOT_TEXT.has(el.type));
  const labelOf = (el) => {
    if (el.type === 'radio') {
      const legend = el.closest('fieldset') && el.closest('fieldset').querySelector('legend');
      const group = el.closest('[role=radiogroup]');
      return clean((legend && legend.textContent) || (group && group.getAttribute('aria-label')) || el.name);
    }
    const by = el.getAttribute('aria-labelledby');
    if (by) return clean(by.split(/\\s+/).map((id) => { const n = document.getElementById(id); return n ? n.textContent : ''; }).join(' '));
    if (el.labels && el.labels.length) return clean(el.labels[0].textContent);
    return clean(el.getAttribute('aria-label') || el.getAttribute('placeholder') || el.name);
  };
  const controlName = (target) => {
    const el = target instanceof Element ? target.closest('button,a,summary,label,select,textarea,input,[role]') || target : null;
    if (!el) return '';
    const aria = el.getAttribute('aria-label');
    if (aria) return clean(aria);
    if (el instanceof HTMLInputElement) return NOT_TEXT.has(el.type) && el.type !== 'checkbox' && el.type !== 'radio' ? clean(el.value) : labelOf(el);
    if (el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) return labelOf(el);
    return clean(el.textContent);
  };
  let lastTyped = null;
  addEventListener('pointerdown', (e) => {
    if (!e.isTrusted || e.button !== 0) return;
    lastTyped = null;
    send({ k: 'press', via: 'pointer', name: controlName(e.target) });
  }, true);
  addEventListener('keydown', (e) => {
    if (!e.isTrusted || e.repeat) return;
    const space = e.key === ' ' && !isText(e.target);
    if (e.key !== 'Enter' && !space) return;
    lastTyped = null;
    send({ k: 'press', via: 'key', name: controlName(e.target) });
  }, true);
  addEventListener('input', (e) => {
    const el = e.target;
    // Trusted or not: Playwright fills date-like inputs by script, the suite fills secrets by script
    // (pages/common/secret-field.ts). Repeats on the same field (masks, re-dispatching widgets) count once.
    if (!isText(el) || el === lastTyped) return;
    lastTyped = el;
    send({ k: 'type', field: labelOf(el) });
  }, true);
  addEventListener('change', (e) => {
    if (!(e.target instanceof HTMLSelectElement)) return;
    lastTyped = null;
    send({ k: 'select', field: labelOf(e.target) });
  }, true);
  // A submit the browser refused (a required field left empty) still shows what the form demands.
  let refused = null;
  addEventListener('invalid', (e) => {
    const form = e.target && e.target.form;
    if (!form || form === refused) return;
    refused = form;
    setTimeout(() => { refused = null; }, 0);
    demanded(form);
  }, true);
  addEventListener('submit', (e) => {
    const form = e.target;
    if (!(form instanceof HTMLFormElement)) return;
    demanded(form);
  }, true);
  function fieldsOf(form) {
    const seen = new Set();
    const fields = [];
    for (const el of Array.from(form.elements)) {
      if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) continue;
      if (el instanceof HTMLInputElement && NOT_FIELD.has(el.type)) continue;
      if (el.type === 'radio') { if (seen.has(el.name)) continue; seen.add(el.name); }
      fields.push({ label: labelOf(el), type: el.type || el.tagName.toLowerCase(), required: !!el.required });
    }
    return fields;
  }
  // getAttribute: a field named "action" or "method" shadows the form's own properties.
  function actionOf(form) {
    try { return new URL(form.getAttribute('action') || '', location.href).pathname; } catch (_) { return location.pathname; }
  }
  function demanded(form) {
    send({ k: 'submit', method: (form.getAttribute('method') || 'get').toLowerCase(), action: actionOf(form), fields: fieldsOf(form) });
  }
  // The forms present that demand something (hidden in a closed dialog too: the removal demands them).
  let lastForms = '';
  const reportForms = () => {
    const forms = [];
    for (const form of Array.from(document.forms)) {
      const fields = fieldsOf(form).filter((f) => f.required);
      if (fields.length) forms.push({ action: actionOf(form), fields });
    }
    const sig = JSON.stringify(forms);
    if (sig === lastForms) return;
    lastForms = sig;
    if (forms.length) send({ k: 'forms', forms });
  };
  let formsQueued = false;
  const queueForms = () => {
    if (formsQueued) return;
    formsQueued = true;
    setTimeout(() => { formsQueued = false; reportForms(); }, 0);
  };
  const watchForms = () => {
    reportForms();
    new MutationObserver(queueForms).observe(document.documentElement, {
      childList: true, subtree: true, attributes: true, attributeFilter: ['required'],
    });
  };
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', watchForms, { once: true });
  else watchForms();
  if (window !== window.top || !/^https?:$/.test(location.protocol)) return;
  const screen = () => {
    const nav = performance.getEntriesByType('navigation')[0];
    const h1 = document.querySelector('h1');
    send({
      k: 'screen',
      url: location.origin + location.pathname,
      h1: clean(h1 && h1.textContent),
      title: clean(document.title),
      typed: !document.referrer && (!nav || nav.type === 'navigate'),
    });
  };
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', screen, { once: true });
  else screen();
})();`;
