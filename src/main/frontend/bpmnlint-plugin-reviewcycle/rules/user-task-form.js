// Every user task shows a Camunda Form that Tasklist takes from the same deployment as the model
// (camunda:formRef with camunda:formRefBinding="deployment"): a form bound to "latest" would change
// under running reviews whenever any later version is published.
module.exports = function() {

  function check(node, reporter) {
    if (node.$type !== 'bpmn:UserTask') {
      return;
    }
    if (!node.get('camunda:formRef')) {
      reporter.report(node.id, 'A user task needs a form: set its Camunda Form (linked) to one of the cycle\'s forms',
        [ 'formRef' ]);
    } else if (node.get('camunda:formRefBinding') !== 'deployment') {
      reporter.report(node.id, 'The form must be bound to the deployment, so that running reviews keep the form they started with',
        [ 'formRefBinding' ]);
    }
  }

  return { check };
};
