// In ReviewCycle the staff tables are Camunda's users and groups, read-only in the engine: staff,
// teams and roles change in ReviewCycle, not in Camunda Admin (the REST API refuses every change).
// Camunda Admin 7.24 shows its create, edit and delete controls whatever the identity service
// allows, so this script, loaded into Admin through its config.js (customScripts), hides them and
// says where staff are managed.
const changeControls = [
  'a[href="#/user-create"]', 'a[href="#/group-create"]', 'a[href="#/tenant-create"]',
  '[ng-click="createUser()"]', '[ng-click="createGroup()"]', '[ng-click="createTenant()"]',
  '[ng-click="updateProfile()"]', '[ng-click^="updateCredentials"]', '[ng-click="updateGroup()"]',
  '[ng-click="updateTenant()"]', '[ng-click="deleteUser()"]', '[ng-click="deleteGroup()"]',
  '[ng-click="deleteTenant()"]', '[ng-click="unlockUser()"]', '[ng-click^="removeGroup"]',
  '[ng-click^="removeTenant"]', '[ng-click="openCreateGroupMembershipDialog()"]',
  '[ng-click="openCreateTenantMembershipDialog()"]', '[ng-click="createGroupMemberships()"]',
  '[ng-click="createUserMemberships()"]',
  // the password section of a user's account tab
  'form[name="updateCredentialsForm"]'
];

const style = document.createElement('style');
style.textContent = changeControls.join(',\n') + ' { display: none !important; }\n'
  + '.reviewcycle-read-only { margin: 0 0 1em; padding: .6em 1em; background: #eef4fb; border-left: 4px solid #2a6db0; }';
document.head.appendChild(style);

const note = 'Staff, teams and roles come from ReviewCycle and are read-only here.';

function explainReadOnly() {
  const onIdentityPage = /^#\/(users|groups|tenants)/.test(window.location.hash);
  // the profile fields of a user cannot be saved: show them as what they are
  document.querySelectorAll('form[name="editProfileForm"] input').forEach(input => { input.readOnly = true; });
  const content = document.querySelector('.section-content');
  if (onIdentityPage && content && !content.querySelector('.reviewcycle-read-only')) {
    const p = document.createElement('p');
    p.className = 'reviewcycle-read-only';
    p.textContent = note;
    content.prepend(p);
  }
}

new MutationObserver(explainReadOnly).observe(document.documentElement, {childList: true, subtree: true});
window.addEventListener('hashchange', explainReadOnly);
