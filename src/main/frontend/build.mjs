// Bundles the three editors of the admin pages and the versions' diff (templates/cycledesign/*.html) with esbuild:
//   node build.mjs [OUTDIR]     (default ../../../target/classes/static/editors; the Maven build
//                                passes its own output directory)
// Each editor is one script and one style sheet with its fonts beside it, nothing inline and
// nothing from another site: the pages' Content-Security-Policy allows only 'self'.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const outdir = path.resolve(process.argv[2] || path.join(here, '../../../target/classes/static/editors'));

// `import config from 'bpmnlint-config'`: the rules of .bpmnlintrc compiled into the bundle,
// as bpmnlint's own bundler plugins do (the browser cannot resolve rules at run time).
const bpmnlintConfig = {
  name: 'bpmnlint-config',
  setup(build) {
    build.onResolve({ filter: /^bpmnlint-config$/ }, () => ({ path: 'bpmnlint-config', namespace: 'bpmnlint-config' }));
    build.onLoad({ filter: /.*/, namespace: 'bpmnlint-config' }, async () => {
      const compileConfig = require('bpmnlint/lib/support/compile-config');
      const config = JSON.parse(await readFile(path.join(here, '.bpmnlintrc'), 'utf8'));
      return { contents: await compileConfig(config), resolveDir: here, loader: 'js' };
    });
  }
};

const started = Date.now();
await esbuild.build({
  absWorkingDir: here,
  entryPoints: {
    'bpmn-editor': 'src/bpmn-editor.js',
    'dmn-editor': 'src/dmn-editor.js',
    'form-editor': 'src/form-editor.js',
    // what changed between two versions of a school's cycle (cycledesign), bpmn-js-differ
    'bpmn-diff': 'src/bpmn-diff.js',
    // the dashboards' charts (reporting, templates/reporting), Chart.js
    dashboard: 'src/dashboard.js'
  },
  outdir,
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'linked',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  assetNames: 'fonts/[name]-[hash]',
  plugins: [ bpmnlintConfig ]
});
console.log(`Editors bundled into ${outdir} in ${Date.now() - started} ms`);
