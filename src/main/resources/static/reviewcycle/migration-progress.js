// The counts of a move of reviews onto another version (templates/migration/progress.html): asks the
// server where it stands (migration.MigrationPages#progressJson) every second while the engine moves
// them, and shows the result page once it has finished. Nothing inline (the CSP forbids it).
(function () {
  'use strict';
  var migration = document.getElementById('migration');
  if (!migration) {
    return;
  }
  var bar = document.getElementById('migration-bar');
  var POLL_MS = 1000;

  function show(progress) {
    var done = progress.moved + progress.failed + progress.ended;
    var percent = progress.total === 0 ? 100 : Math.floor(100 * done / progress.total);
    bar.firstElementChild.style.width = percent + '%';
    bar.setAttribute('aria-valuenow', String(done));
    document.getElementById('migration-moved').textContent = progress.moved + ' of ' + progress.total;
    document.getElementById('migration-remaining').textContent = String(progress.remaining);
    document.getElementById('migration-failed').textContent = String(progress.failed);
    document.getElementById('migration-ended').textContent = String(progress.ended);
  }

  function poll() {
    fetch(migration.dataset.progressUrl, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(function (response) {
          if (!response.ok) {
            throw new Error('The server answered ' + response.status);
          }
          return response.json();
        })
        .then(function (progress) {
          show(progress);
          if (progress.finished) {
            window.location.reload();
          } else {
            window.setTimeout(poll, POLL_MS);
          }
        })
        .catch(function () {
          window.setTimeout(poll, POLL_MS * 5);
        });
  }

  bar.firstElementChild.style.width = bar.dataset.percent + '%';
  if (migration.dataset.finished !== 'true') {
    poll();
  }
}());
