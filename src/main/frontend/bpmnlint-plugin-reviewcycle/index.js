// ReviewCycle's own bpmnlint rules: what our services expect of the cycle's model (design.md,
// "Names" and "Security model"). Used by the BPMN editor (build.mjs bundles them) and by the lint
// of the shipped models (lint-models.mjs, run by BpmnLintTest).
module.exports = {
  configs: {
    recommended: {
      rules: {
        'user-task-form': 'error',
        'meaningful-ids': 'warn'
      }
    }
  }
};
