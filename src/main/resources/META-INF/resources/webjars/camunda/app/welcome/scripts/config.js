// ReviewCycle's configuration of Camunda's Welcome page (it replaces the page's own config.js).
export default {
  // one login for the whole application: see /reviewcycle/single-sign-on.js
  customScripts: ['../../../reviewcycle/single-sign-on'],
  links: [
    {
      label: 'Review cycles',
      href: '/cycles',
      description: "Launch a school's appraisal cycle: a review for every member of staff with a reviewer (admins)"
    },
    {
      label: 'Tasklist',
      href: '/camunda/app/tasklist/default/',
      description: 'Your appraisal tasks'
    }
  ]
};
