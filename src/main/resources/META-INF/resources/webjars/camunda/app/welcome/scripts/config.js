// ReviewCycle's configuration of Camunda's Welcome page (it replaces the page's own config.js).
export default {
  // ReviewCycle speaks English: Camunda's English text, whatever the browser's language
  locales: {
    availableLocales: ['en'],
    fallbackLocale: 'en'
  },
  // the text is there before the first drawing: see /reviewcycle/translations.js
  // one login for the whole application: see /reviewcycle/single-sign-on.js
  customScripts: ['../../../reviewcycle/translations', '../../../reviewcycle/single-sign-on'],
  links: [
    {
      label: 'Review cycles',
      href: '/cycles',
      description: "Launch a school's appraisal cycle: a review for every member of staff with a reviewer (admins)"
    },
    {
      label: 'My profile',
      href: '/me',
      description: 'Your details as ReviewCycle knows them, and your password'
    },
    {
      label: 'Tasklist',
      href: '/camunda/app/tasklist/default/',
      description: 'Your appraisal tasks'
    }
  ]
};
