// ReviewCycle has one login for the whole application (Spring Security). Camunda's webapps still have
// a login screen of their own, which they show after a logout or when their session has ended. Loaded
// into Tasklist, Cockpit, Admin and Welcome through each app's config.js (customScripts), this sends
// the person to the front door instead, which shows someone not logged in Tasklist's page with our
// login form on it (the quick login: Tasklist starts behind the form) and anyone else their landing page.
// After the app's own "Log out", straight to that page, which then says that they have logged out
// (tasklist.LoginInPlace): on a shared computer, the next person's login is the quick one.
const frontDoor = '/';
const loggedOutPage = '/camunda/app/tasklist/default/?logout';
let loggedOut = false;

function leaveCamundaLogin() {
  // Tasklist's page shows our own login form to someone not logged in (login-in-place.js): they stay
  if (window.location.hash.startsWith('#/login') && !document.documentElement.classList.contains('logged-out')) {
    window.location.replace(loggedOut ? loggedOutPage : frontDoor);
  }
}

// the app's logout, told apart from a session that ended: Camunda's AuthenticationService announces it
// before the app turns to its login screen. Looked for until the app has started, for a minute at most
// (an app that has not started by then shows nobody a "Log out"). A request of the page's refused at the
// very moment of the logout can still take the person to the front door first: the same login form,
// without the sentence.
(function listenForTheLogout(tries) {
  const angular = window.angular;
  const injector = angular && angular.element(document).injector();
  if (injector && injector.has('$rootScope')) {
    injector.get('$rootScope').$on('authentication.logout.success', () => {
      loggedOut = true;
    });
  } else if (tries > 0) {
    setTimeout(() => listenForTheLogout(tries - 1), 100);
  }
})(600);

window.addEventListener('hashchange', leaveCamundaLogin);
leaveCamundaLogin();
