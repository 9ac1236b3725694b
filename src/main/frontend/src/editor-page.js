// What the three editor pages share (templates/cycledesign/editor.html): the file comes from
// data-file-url, Save posts {content, comment, ...the form's other fields} to data-save-url with the page's CSRF token, and the
// server's answer (the new version, or the sentence saying why it was refused) is shown beside the
// editor. cycledesign.CycleDesignPages serves both URLs for a school's cycle, TrustCyclePages for the
// trust's default (whose form adds the school the dry run takes, dryRunSchoolId).
import './editor-page.css';

/**
 * "Dry run these changes" (the school's model and decision): the file as it is in the editor goes into the
 * form's file field and the form is sent to the dry run page, in a new tab, so nothing is published and the
 * edit stays open here.
 */
function dryRunFrom(editor) {
  const form = document.getElementById('editor-dry-run');
  if (!form) {
    return;
  }
  const input = form.querySelector('input[type=file]');
  const button = form.querySelector('button');
  button.disabled = false;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const files = new DataTransfer();
    files.items.add(new File([ await editor.content() ], input.dataset.fileName, { type: 'application/xml' }));
    input.files = files.files;
    form.submit();
  });
}

/**
 * @param {(content: string) => Promise<{ content: () => Promise<string> }>} open
 *        shows the file in the editor and gives back how to read what the admin made of it
 */
export function editorPage(open) {
  const page = document.getElementById('editor');
  const form = document.getElementById('editor-save');
  const message = document.getElementById('editor-message');
  const button = form.querySelector('button');

  function show(kind, text) {
    message.className = 'editor-message ' + kind;
    message.textContent = text;
    message.hidden = false;
  }

  async function problem(response) {
    try {
      const body = await response.json();
      return body.detail || body.message;
    } catch (e) {
      return null;
    }
  }

  fetch(page.dataset.fileUrl, { credentials: 'same-origin' })
    .then(response => {
      if (!response.ok) {
        throw new Error('The file could not be loaded (the server answered ' + response.status + ').');
      }
      return response.text();
    })
    .then(open)
    .then(editor => {
      page.dataset.state = 'ready';
      button.disabled = false;
      dryRunFrom(editor);
      form.addEventListener('submit', async event => {
        event.preventDefault();
        button.disabled = true;
        show('pending', 'Publishing…');
        try {
          const response = await fetch(page.dataset.saveUrl, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {
              'Content-Type': 'application/json',
              'Accept': 'application/json',
              [page.dataset.csrfHeader]: page.dataset.csrfToken
            },
            body: JSON.stringify({ ...Object.fromEntries(new FormData(form)), content: await editor.content() })
          });
          if (response.ok) {
            const saved = await response.json();
            show('done', saved.message);
            form.elements.comment.value = '';
          } else {
            show('refused', (await problem(response)) || ('The server refused it (' + response.status + ').'));
          }
        } catch (e) {
          show('refused', 'It could not be published: ' + e.message);
        } finally {
          button.disabled = false;
        }
      });
    })
    .catch(e => {
      page.dataset.state = 'failed';
      show('refused', e.message);
    });
}
