// Why staff saw CREATION_DATE, SEARCH_PLACEHOLDER, BANNER_CE_EOL_TEXT and CAM_WIDGET_FOOTER_* in
// Camunda's webapps: in a browser that has never opened the app, Camunda 7.24 asks for its text
// (app/<app>/locales/en.json) only once Angular has started, at the same time as the page's data.
// Until it arrives every label is its key, and a few widgets translate once, when they are built
// (the task search box's placeholder and its criteria), so when the text comes late (a busy server,
// the first login after a start) those keys stay for the life of the page. Camunda keeps the text
// it has loaded in localStorage ("camunda-web", one entry per app, locale and version) and reads it
// from there before anything is drawn, which is why a second visit was fine.
//
// Loaded through each app's config.js (customScripts), which Camunda awaits before it starts
// Angular: this fetches the text first and puts it where Camunda looks for it, so the first visit
// is drawn in English like every later one. ReviewCycle speaks English only (config.js: locales).
const base = document.querySelector('base');
const locales = `${base.getAttribute('app-root')}/app/${base.getAttribute('app-name')}/locales/`;
const locale = 'en';
const cacheKey = `${locales}_locales_data_${locale}_${window.bust}`;

// Camunda's words that staff meet and that say nothing to them, in ReviewCycle's words. Tasklist
// heads a refused form's message with COMPLETE_ERROR ("An error happened while submitting the task
// form"); the message under it is already the sentence naming the field.
const ourLabels = {
  tasklist: {COMPLETE_ERROR: 'Your form was not sent'}
};

const stored = JSON.parse(window.localStorage.getItem('camunda-web') || '{}');
if (!stored[cacheKey]) {
  try {
    const response = await fetch(`${locales}${locale}.json?bust=${window.bust}`, {credentials: 'same-origin'});
    if (response.ok) {
      stored[cacheKey] = JSON.stringify(await response.json());
      window.localStorage.setItem('camunda-web', JSON.stringify(stored));
    }
  } catch (e) {
    // Camunda loads the text itself as before; only the first drawing may show keys
    console.warn('ReviewCycle could not preload the webapp text', e);
  }
}

const overrides = ourLabels[base.getAttribute('app-name')];
if (overrides && stored[cacheKey]) {
  const text = JSON.parse(stored[cacheKey]);
  Object.assign(text.labels, overrides);
  stored[cacheKey] = JSON.stringify(text);
  window.localStorage.setItem('camunda-web', JSON.stringify(stored));
}
