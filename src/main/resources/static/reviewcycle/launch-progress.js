// The bar of a cycle launch (templates/cycles/launch.html): asks the server where the launch
// stands (cycles.LaunchPages#progress) every second while it runs, and fills the bar and the
// counts; when it has ended, offers the report. No page reload; nothing inline (the CSP forbids it).
(function () {
  'use strict';
  var launch = document.getElementById('launch');
  if (!launch) {
    return;
  }
  var bar = document.getElementById('launch-bar');
  var counts = document.getElementById('launch-counts');
  var state = document.getElementById('launch-state');
  var stop = document.getElementById('launch-stop');
  var done = document.getElementById('launch-done');
  var POLL_MS = 1000;

  function show(progress) {
    bar.firstElementChild.style.width = progress.percent + '%';
    bar.setAttribute('aria-valuenow', String(progress.percent));
    state.textContent = progress.stateText;
    counts.textContent = progress.started + ' of ' + progress.toStart + ' reviews started; '
        + progress.alreadyRunning + ' were running already.';
    if (stop && progress.state !== 'RUNNING') {
      stop.hidden = true;
    }
    if (!progress.running) {
      done.hidden = false;
    }
  }

  function poll() {
    fetch(launch.dataset.progressUrl, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(function (response) {
          if (!response.ok) {
            throw new Error('The server answered ' + response.status);
          }
          return response.json();
        })
        .then(function (progress) {
          show(progress);
          if (progress.running) {
            window.setTimeout(poll, POLL_MS);
          }
        })
        .catch(function () {
          // a moment without the server (a restart): look again a little later
          window.setTimeout(poll, POLL_MS * 5);
        });
  }

  bar.firstElementChild.style.width = bar.dataset.percent + '%';
  if (launch.dataset.running === 'true') {
    poll();
  }
}());
