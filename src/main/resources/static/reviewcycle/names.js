// Tasklist shows a person's name for a task's assignee (the task list and the task's header read
// the first and last name the engine embeds with each task, from our identity provider), but its
// History tab prints the raw user ids the engine records: who did each step, the assignee and
// owner it set, and who wrote each comment. Staff know each other by name, not by username.
//
// Loaded into Tasklist through its config.js (customScripts), before Angular starts. It decorates
// Tasklist's engine client (camAPI, an Angular service) so that the History tab's two reads, the
// task's user operations and its comments, come back with names in place of user ids: one user
// query per page of history, answered by the same identity provider. Nothing is written back; the
// names are only what the tab shows. An id the viewer may not read stays as it is.
const personProperties = ['assignee', 'owner', 'userId'];

window.angular.module('cam.tasklist').config(['$provide', ($provide) => {
  $provide.decorator('camAPI', ['$delegate', '$q', ($delegate, $q) => {
    const resource = $delegate.resource.bind($delegate);
    const known = {};

    function namesOf(ids) {
      const missing = [...new Set(ids.filter(id => id && !(id in known)))];
      if (!missing.length) {
        return $q.resolve(known);
      }
      return $q.when(resource('user').list({idIn: missing.join(','), maxResults: missing.length}))
        .then(users => {
          users.forEach(user => {
            const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
            known[user.id] = name || user.id;
          });
          return known;
        })
        .catch(() => known);
    }

    const nameOf = id => known[id] || id;

    function withNames(entries, personFields) {
      if (!Array.isArray(entries)) {
        return $q.resolve(entries);
      }
      const ids = entries.flatMap(entry => personFields(entry).map(field => entry[field]));
      return namesOf(ids).then(() => {
        entries.forEach(entry => personFields(entry).forEach(field => { entry[field] = nameOf(entry[field]); }));
        return entries;
      });
    }

    // the user, and for assignee, owner and identity-link changes the people they name
    const operationFields = entry => ['userId'].concat(personProperties.includes(entry.property)
      ? ['newValue', 'orgValue'].filter(field => entry[field]) : []);
    const commentFields = () => ['userId'];

    // an SDK read takes (params..., callback) and also returns a promise: keep both working
    function decorate(target, method, fields) {
      const original = target[method];
      target[method] = function (...args) {
        const done = typeof args[args.length - 1] === 'function' ? args.pop() : null;
        const result = $q.when(original.apply(target, args)).then(entries => withNames(entries, fields));
        if (done) {
          result.then(entries => done(null, entries), error => done(error));
        }
        return result;
      };
    }

    $delegate.resource = function (name, ...rest) {
      const target = resource(name, ...rest);
      if (name === 'history' && !target.reviewcycleNames) {
        decorate(target, 'userOperation', operationFields);
        target.reviewcycleNames = true;
      } else if (name === 'task' && !target.reviewcycleNames) {
        decorate(target, 'comments', commentFields);
        target.reviewcycleNames = true;
      }
      return target;
    };
    return $delegate;
  }]);
}]);
