// The DMN editor of a school's review plan (ReviewPlan): dmn-js, opened on the decision table.
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn.css';

import DmnModeler from 'dmn-js/lib/Modeler';

import { editorPage } from './editor-page.js';

editorPage(async xml => {
  const modeler = new DmnModeler({ container: '#editor-canvas' });
  await modeler.importXML(xml);
  const table = modeler.getViews().find(view => view.type === 'decisionTable');
  if (table) {
    await modeler.open(table);
  }
  return { content: async () => (await modeler.saveXML({ format: true })).xml };
});
