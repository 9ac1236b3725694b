// Lints BPMN files with the editor's rules (.bpmnlintrc): node lint-models.mjs FILE...
// Prints one line per finding and exits 1 if there is any error or warning, 2 if a file cannot be
// read or parsed. Run by the Java test BpmnLintTest for every model in bpmn/.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

import { BpmnModdle } from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };

const require = createRequire(import.meta.url);
const Linter = require('bpmnlint/lib/linter');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

const config = JSON.parse(await readFile(new URL('./.bpmnlintrc', import.meta.url), 'utf8'));
const linter = new Linter({ config, resolver: new NodeResolver({ require }) });
const moddle = new BpmnModdle({ camunda: camundaModdle });

let findings = 0;
for (const file of process.argv.slice(2)) {
  let definitions;
  try {
    ({ rootElement: definitions } = await moddle.fromXML(await readFile(file, 'utf8')));
  } catch (e) {
    console.log(`${file}: cannot be read as BPMN: ${e.message}`);
    process.exit(2);
  }
  const results = await linter.lint(definitions);
  for (const [ rule, reports ] of Object.entries(results)) {
    for (const report of reports) {
      findings++;
      console.log(`${file}: ${report.category} ${report.id}: ${report.message} (${rule})`);
    }
  }
}
console.log(`${findings} finding(s)`);
process.exit(findings ? 1 : 0);
