// The MIS import's upload (templates/staff/import-upload.html): a file over the upload limit is
// refused here with a message beside the field, instead of being sent and cut off by the server.
(function () {
  var form = document.getElementById('upload-form');
  if (!form) {
    return;
  }
  form.addEventListener('submit', function (event) {
    var file = document.getElementById('file').files[0];
    var error = document.getElementById('file-error');
    var message = null;
    if (!file) {
      message = 'Choose the CSV file your MIS exported.';
    } else if (file.size > Number(form.dataset.maxBytes)) {
      message = 'This file is ' + (file.size / 1048576).toFixed(1) + ' MB; at most ' + form.dataset.maxSize
        + ' can be imported. Export only the staff of this school, or split the file.';
    }
    if (message) {
      event.preventDefault();
      error.textContent = message;
      error.hidden = false;
      document.getElementById('file-field').classList.add('has-error');
    }
  });
})();
