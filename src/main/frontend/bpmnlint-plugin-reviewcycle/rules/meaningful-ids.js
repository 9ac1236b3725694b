// Steps, gateways, events and flows get ids that say what they are (Task_PlanningMeeting,
// Gateway_ObjectivesApproved): the code, the forms and Cockpit refer to them, and an id cannot be
// changed once reviews run on it. The editor's generated ids (Activity_0x1y2z) are flagged.
const GENERATED = /^[A-Za-z]+_[0-9a-z]{7}$/;

const NAMED = [
  'bpmn:FlowNode',
  'bpmn:SequenceFlow'
];

module.exports = function() {

  function check(node, reporter) {
    if (!NAMED.some(type => node.$instanceOf(type))) {
      return;
    }
    if (GENERATED.test(node.id || '') && !/[A-Z]/.test(node.id.split('_')[1])) {
      reporter.report(node.id, 'Give it an id that says what it is, like Task_PlanningMeeting (generated ids cannot be changed once reviews run on them)',
        [ 'id' ]);
    }
  }

  return { check };
};
