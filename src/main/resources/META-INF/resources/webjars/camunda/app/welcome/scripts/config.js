// ReviewCycle's configuration of this Camunda webapp (it replaces the webapp's own config.js).
export default {
  // one login for the whole application: see /reviewcycle/single-sign-on.js
  customScripts: ['../../../reviewcycle/single-sign-on']
};
