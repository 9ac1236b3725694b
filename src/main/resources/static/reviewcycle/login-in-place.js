// The login in place. Tasklist's page (our copy of its index.html) shows ReviewCycle's login form to
// someone not logged in (tasklist.LoginInPlace marks the page "logged-out"), and Tasklist starts behind
// it while the person types. On "Log in" this logs them in through Tasklist's own AuthenticationService
// (security.TasklistLogin answers on the server), so Tasklist knows who they are at once and shows
// their task list without loading another page: the slow part, starting Tasklist, is over by then.
(function () {
  const page = document.documentElement;
  if (!page.classList.contains('logged-out')) {
    return;
  }
  document.title = 'Log in to ReviewCycle';
  // a logout lands here with ?logout, which the page has said (tasklist.LoginInPlace): not kept in the
  // address, where a bookmark or a reload would say it again
  if (new URLSearchParams(window.location.search).has('logout')) {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.hash);
  }
  const form = document.querySelector('#reviewcycle-login form');
  const message = document.querySelector('#reviewcycle-login .message.error');
  // why an earlier login was ended (tasklist.LoginInPlace), when it was: said, and gone once they log in again
  const ended = document.querySelector('#reviewcycle-login .message.ended');
  const button = form.querySelector('button[type=submit]');
  // disabled in the page until now, so that the form cannot be sent without this script (it would put
  // the password in the address)
  button.disabled = false;
  // the username first, unless the person is already in a field: not the autofocus attribute, which the
  // browser may apply only once the page is first drawn, taking the cursor from a field they are typing in
  if (!document.activeElement || document.activeElement === document.body) {
    form.username.focus();
  }
  const SERVER_GONE = 'ReviewCycle could not be reached. Check your connection and try again.';

  // Tasklist's injector once Tasklist has started, else null
  function tasklist() {
    const angular = window.angular;
    const injector = angular && angular.element(document).injector();
    return injector && injector.has('AuthenticationService') ? injector : null;
  }

  const started = new Promise(resolve => {
    (function look() {
      const injector = tasklist();
      if (injector) {
        page.dataset.tasklist = 'started';
        resolve(injector);
      } else {
        setTimeout(look, 25);
      }
    })();
  });

  function refuse(sentence) {
    message.textContent = sentence;
    message.hidden = false;
    form.password.focus();
    button.disabled = false;
    button.textContent = 'Log in';
  }

  // Once logged in: the person's own task list, soonest due first, as the form login opens it
  // (security.PersonalTaskFilters: their own filter comes first, so Tasklist opens it); or, when the
  // address they opened named something in Tasklist (a task, a filter), that, where Tasklist itself goes
  // back to. Someone who may not use Tasklist (a governor) goes to the front door, which sends them on.
  const OWN_TASKS = '/?searchQuery=%5B%5D&sorting=%5B%7B%22sortBy%22:%22dueDate%22,%22sortOrder%22:%22asc%22%7D%5D';
  const asked = window.location.hash.replace(/^#/, '');
  const askedForSomething = asked !== '' && asked !== '/' && !asked.startsWith('/login');
  const NEVER_STARTED = 'Tasklist did not finish loading. Reload the page and log in again.';

  function land(injector, person, loggedIn) {
    if (!person || !person.canAccess('tasklist')) {
      loggedIn.preventDefault();
      window.location.assign('/');
      return;
    }
    injector.get('Notifications').clearAll();
    if (!askedForSomething) {
      loggedIn.preventDefault();
      injector.get('$location').url(OWN_TASKS);
    }
    page.classList.replace('logged-out', 'logged-in');
    document.getElementById('reviewcycle-login').remove();
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    if (button.disabled) {
      return;
    }
    message.hidden = true;
    ended.hidden = true;
    button.disabled = true;
    button.textContent = 'Logging in…';
    const username = form.username.value;
    const password = form.password.value;
    // not kept in the page, which runs all of Tasklist's scripts from now on
    form.password.value = '';
    let gaveUp = false;
    const waited = setTimeout(() => {
      gaveUp = true;
      refuse(NEVER_STARTED);
    }, 30000);
    started.then(injector => {
      clearTimeout(waited);
      if (gaveUp) {
        return;
      }
      const rootScope = injector.get('$rootScope');
      const stop = rootScope.$on('authentication.login.success', (loggedIn, person) => {
        stop();
        land(injector, person, loggedIn);
      });
      // inside Angular's digest, or $http would send nothing until something else started one
      rootScope.$apply(() => injector.get('AuthenticationService').login(username, password).catch(refusal => {
        stop();
        refuse(refusal && refusal.data && refusal.data.message || SERVER_GONE);
      }));
    });
  });
})();
