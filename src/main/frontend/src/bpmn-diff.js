// The diff page of a school's cycle (templates/cycledesign/diff.html): the model of a version and
// of the version before it, one above the other in bpmn-js viewers, compared with bpmn-js-differ. What was
// added, removed, changed or moved is coloured on the diagrams (bpmn-diff.css) and listed in words
// above them. Both models come from cycledesign.CycleDesignPages (.../versions/{n}/files/{file}).
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import './bpmn-diff.css';

import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { diff } from 'bpmn-js-differ';

const page = document.getElementById('diff');
const list = document.getElementById('diff-changes');

// What staff and admins call the kinds of element (bpmn:UserTask is a step, not a "user task")
/** More layout-only moves than this are one line of the list, not one each. */
const MOVES_LISTED = 3;

const KINDS = [
  [ 'bpmn:SequenceFlow', 'path' ],
  [ 'bpmn:Gateway', 'decision point' ],
  [ 'bpmn:BoundaryEvent', 'timer or event on a step' ],
  [ 'bpmn:StartEvent', 'start' ],
  [ 'bpmn:EndEvent', 'end' ],
  [ 'bpmn:Event', 'waiting point' ],
  [ 'bpmn:SubProcess', 'group of steps' ],
  [ 'bpmn:Activity', 'step' ],
  [ 'bpmn:Process', 'cycle' ]
];

// The settings an admin changes in the properties panel, in the panel's own words
const SETTINGS = {
  name: 'name',
  assignee: 'who does it',
  candidateUsers: 'who may do it',
  candidateGroups: 'who may do it',
  formRef: 'form',
  formRefBinding: 'form',
  dueDate: 'due date',
  followUpDate: 'follow-up date',
  conditionExpression: 'condition',
  default: 'default path',
  sourceRef: 'where it starts',
  targetRef: 'where it leads',
  loopCharacteristics: 'repetition',
  eventDefinitions: 'timer or event',
  extensionElements: 'listeners or other settings',
  documentation: 'description'
};

function kindOf(element) {
  const found = KINDS.find(([ type ]) => element.$instanceOf && element.$instanceOf(type));
  return found ? found[1] : 'element';
}

function title(element) {
  return element.name ? '‘' + element.name.replace(/\s+/g, ' ').trim() + '’' : element.id;
}

function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function setting(property) {
  const plain = property.replace(/^camunda:/, '').split(/[.[]/)[0];
  return SETTINGS[plain] || plain;
}

/**
 * One line of the list per change, each naming the element as it is (or was) called. The old name
 * is read from the earlier diagram: bpmn-js-differ 3.2 puts the new value under attrs' oldValue.
 */
function sentences(changes, earlierName) {
  const lines = [];
  const shown = id => !id.startsWith('Process_') && !id.endsWith('_di');
  Object.entries(changes._added).filter(([ id ]) => shown(id)).forEach(([ id, element ]) =>
    lines.push({ id, kind: 'added', text: 'Added ' + kindOf(element) + ' ' + title(element) }));
  Object.entries(changes._removed).filter(([ id ]) => shown(id)).forEach(([ id, element ]) =>
    lines.push({ id, kind: 'removed', text: 'Removed ' + kindOf(element) + ' ' + title(element) }));
  Object.entries(changes._changed).filter(([ id ]) => shown(id)).forEach(([ id, { model, attrs } ]) => {
    if (attrs.name) {
      lines.push({ id, kind: 'changed', text: 'Renamed ' + kindOf(model) + ' ‘' + (earlierName(id) || id) + '’ to ‘'
        + (model.name ? model.name.replace(/\s+/g, ' ').trim() : id) + '’' });
    }
    const others = [ ...new Set(Object.keys(attrs).filter(property => property !== 'name').map(setting)) ];
    if (others.length) {
      lines.push({ id, kind: 'changed', text: capitalised(kindOf(model)) + ' ' + title(model) + ': changed '
        + others.join(', ') });
    }
  });
  const moved = Object.entries(changes._layoutChanged)
    .filter(([ id ]) => shown(id) && !changes._added[id] && !changes._removed[id] && !changes._changed[id])
    .map(([ id, element ]) => ({ id, kind: 'moved', text: 'Moved ' + kindOf(element) + ' ' + title(element) }));
  if (moved.length > MOVES_LISTED) {
    // making room for a step moves much of the diagram: one line for the layout, each still marked in blue
    lines.push({ ids: moved.map(line => line.id), kind: 'moved', text: 'Moved on the diagram only, nothing else about '
      + 'them changed: ' + moved.length + ' steps, paths and other elements (marked in blue)' });
  } else {
    lines.push(...moved);
  }
  return lines;
}

async function viewer(container, url) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error('A model could not be loaded (the server answered ' + response.status + ').');
  }
  const bpmn = new NavigatedViewer({ container, moddleExtensions: { camunda: camundaModdle } });
  await bpmn.importXML(await response.text());
  bpmn.get('canvas').zoom('fit-viewport');
  return bpmn;
}

/** Marks the element on the diagram where it is (the removed on the earlier version, the rest on this one). */
function mark(bpmn, id, kind) {
  const registry = bpmn.get('elementRegistry');
  if (registry.get(id)) {
    bpmn.get('canvas').addMarker(id, 'diff-' + kind);
  }
}

async function show() {
  const [ before, after ] = await Promise.all([
    viewer('#diff-before', page.dataset.beforeUrl),
    viewer('#diff-after', page.dataset.afterUrl)
  ]);
  const earlierName = id => {
    const element = before.get('elementRegistry').get(id);
    return element && element.businessObject.name && element.businessObject.name.replace(/\s+/g, ' ').trim();
  };
  const lines = sentences(diff(before.getDefinitions(), after.getDefinitions()), earlierName);
  list.replaceChildren(...(lines.length ? lines : [ { kind: 'none', text: 'The diagram did not change.' } ]).map(line => {
    const item = document.createElement('li');
    item.className = 'diff-' + line.kind;
    item.textContent = line.text;
    if (line.id) {
      item.dataset.elementId = line.id;
    }
    (line.ids || (line.id ? [ line.id ] : [])).forEach(id => {
      mark(line.kind === 'removed' ? before : after, id, line.kind);
      if (line.kind === 'changed' || line.kind === 'moved') {
        mark(before, id, line.kind);
      }
    });
    return item;
  }));
  page.dataset.state = 'ready';
}

show().catch(e => {
  page.dataset.state = 'failed';
  const item = document.createElement('li');
  item.className = 'diff-failed';
  item.textContent = e.message;
  list.replaceChildren(item);
});
