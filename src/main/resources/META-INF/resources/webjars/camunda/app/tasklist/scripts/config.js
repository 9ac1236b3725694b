// ReviewCycle's configuration of Camunda Tasklist (it replaces Tasklist's own config.js).
export default {
  app: {
    name: 'Tasklist',
    vendor: 'ReviewCycle'
  },
  // ReviewCycle speaks English: Camunda's English text, whatever the browser's language
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  // no "first visit" box: Camunda's login form, where it would show, is never shown (login-in-place.js)
  disableWelcomeMessage: true,
  // the text is there before the first drawing: see /reviewcycle/translations.js
  // one login for the whole application: see /reviewcycle/single-sign-on.js
  // Tasklist 7.24 keeps Complete disabled after an edit in a dynamic list: see complete-button.js
  customScripts: ['../../../reviewcycle/translations', '../../../reviewcycle/single-sign-on',
    '../../../reviewcycle/complete-button'],
  // Tasklist's own keyboard shortcuts, as Camunda ships them, but for "start process": nobody
  // starts a process from Tasklist in ReviewCycle (index.html leaves its button out of the page)
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'}
  }
};
