// ReviewCycle's configuration of this Camunda webapp (it replaces the webapp's own config.js).
export default {
  // one login for the whole application: see /reviewcycle/single-sign-on.js
  // staff are users and groups that only ReviewCycle changes: see /reviewcycle/staff-directory.js
  customScripts: ['../../../reviewcycle/single-sign-on', '../../../reviewcycle/staff-directory']
};
