// ReviewCycle's configuration of Camunda Tasklist (it replaces Tasklist's own config.js).
export default {
  app: {
    name: 'Tasklist',
    vendor: 'ReviewCycle'
  },
  // one login for the whole application: see /reviewcycle/single-sign-on.js
  // Tasklist 7.24 keeps Complete disabled after an edit in a dynamic list: see complete-button.js
  customScripts: ['../../../reviewcycle/single-sign-on', '../../../reviewcycle/complete-button'],
  // Tasklist's own keyboard shortcuts, kept as Camunda ships them
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
