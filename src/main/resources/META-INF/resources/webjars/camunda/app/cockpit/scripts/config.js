// ReviewCycle's configuration of this Camunda webapp (it replaces the webapp's own config.js).
export default {
  // ReviewCycle speaks English: Camunda's English text, whatever the browser's language
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  // the text is there before the first drawing: see /reviewcycle/translations.js
  // one login for the whole application: see /reviewcycle/single-sign-on.js
  customScripts: ['../../../reviewcycle/translations', '../../../reviewcycle/single-sign-on']
};
