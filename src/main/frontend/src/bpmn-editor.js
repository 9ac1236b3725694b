// The BPMN editor of a school's cycle: bpmn-js with the Camunda 7 properties panel, and bpmnlint
// (.bpmnlintrc) showing problems on the diagram as the admin edits.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';

import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaPlatformBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import lintModule from 'bpmn-js-bpmnlint';
import bpmnlintConfig from 'bpmnlint-config';

import { editorPage } from './editor-page.js';

editorPage(async xml => {
  const modeler = new BpmnModeler({
    container: '#editor-canvas',
    propertiesPanel: { parent: '#editor-properties' },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaPlatformBehaviorsModule,
      lintModule
    ],
    moddleExtensions: { camunda: camundaModdle },
    linting: { bpmnlint: bpmnlintConfig, active: true }
  });
  await modeler.importXML(xml);
  fitBesideThePalette(modeler.get('canvas'), document.querySelector('#editor-canvas .djs-palette'));
  return { content: async () => (await modeler.saveXML({ format: true })).xml };
});

// The whole diagram in view, to the right of the palette, which would otherwise cover its first steps.
function fitBesideThePalette(canvas, palette) {
  const margin = 16;
  const left = (palette ? palette.offsetLeft + palette.offsetWidth : 0) + margin;
  const { inner, outer } = canvas.viewbox();
  const scale = Math.min(1, (outer.width - left - margin) / inner.width, (outer.height - 2 * margin) / inner.height);
  canvas.viewbox({
    x: inner.x - left / scale,
    y: inner.y - margin / scale,
    width: outer.width / scale,
    height: outer.height / scale
  });
}
