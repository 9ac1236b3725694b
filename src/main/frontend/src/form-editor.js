// The editor of one Camunda Form: form-js at the 1.8 line, the version Tasklist 7.24 renders
// (package.json pins it), so what the admin sees is what staff get.
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import '@bpmn-io/form-js-editor/dist/assets/dragula.css';

import { FormEditor } from '@bpmn-io/form-js-editor';

import { editorPage } from './editor-page.js';

editorPage(async json => {
  const editor = new FormEditor({
    container: document.getElementById('editor-canvas'),
    properties: { parent: '#editor-properties' },
    exporter: { name: 'ReviewCycle', version: '1' }
  });
  await editor.importSchema(JSON.parse(json));
  return { content: async () => JSON.stringify(editor.saveSchema(), null, 2) };
});
