// ReviewCycle has one login for the whole application (Spring Security, /login). Camunda's webapps
// still have a login screen of their own, which they show after a logout or when their session has
// ended. Loaded into Tasklist, Cockpit, Admin and Welcome through each app's config.js
// (customScripts), this sends the person to the real login page instead.
const loginPage = '/login';

function leaveCamundaLogin() {
  // Tasklist's page shows our own login form to someone not logged in (login-in-place.js): they stay
  if (window.location.hash.startsWith('#/login') && !document.documentElement.classList.contains('logged-out')) {
    window.location.replace(loginPage);
  }
}

window.addEventListener('hashchange', leaveCamundaLogin);
leaveCamundaLogin();
