// The zip of a cycle's written reports (templates/record/cycle-reports.html): while the server builds it,
// the page reloads itself every second, so the bar and the count fill; once it is built the page offers the
// download and this script is not sent. Nothing inline (the CSP forbids it).
(function () {
  'use strict';
  var zip = document.getElementById('zip');
  if (zip && zip.dataset.running === 'true') {
    window.setTimeout(function () { window.location.reload(); }, 1000);
  }
}());
