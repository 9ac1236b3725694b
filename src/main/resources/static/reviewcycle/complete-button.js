// Camunda Tasklist 7.24 with form-js 1.8: after any edit of a field inside a dynamic list (our
// objectives, mid-year progress, final review outcomes), Tasklist disables "Complete" for good.
// form-js records a list field's errors under an object per field ({"Field_X": {}}), which stays
// behind, empty, when the field is valid; Tasklist counts the entries of that record to decide
// whether the form is invalid. "Complete" still validates the whole form before it submits (and
// shows what is missing), so here the button is disabled only while a task is being completed or
// has gone, never because of that empty record.
function fixCompleteButton(button) {
  if (!window.angular || button.dataset.reviewcycleFixed) {
    return;
  }
  let scope = window.angular.element(button).scope();
  while (scope && !Object.prototype.hasOwnProperty.call(scope, 'disableCompleteButton')) {
    scope = scope.$parent;
  }
  if (!scope) {
    return;
  }
  scope.disableCompleteButton = () => scope.taskRemoved || scope.completeInProgress;
  button.dataset.reviewcycleFixed = 'true';
  scope.$applyAsync();
}

new MutationObserver(() => {
  document.querySelectorAll('.form-actions button[ng-click="complete()"]').forEach(fixCompleteButton);
}).observe(document.body, {childList: true, subtree: true});
