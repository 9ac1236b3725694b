// Run by the Maven build (pom.xml, exec-maven-plugin, phase generate-resources) with the machine's
// own Node.js: node maven-build.cjs OUTDIR
//   1. refuses a Node.js older than 20, saying so (CommonJS and old syntax, so that an old Node
//      can read this far),
//   2. `npm ci` when package-lock.json changed since the last install (a stamp in node_modules
//      remembers it; a fresh clone always installs), so that a local `./mvnw test` stays fast,
//   3. `npm run build -- OUTDIR`: the editors' bundles (build.mjs).
'use strict';
var childProcess = require('child_process');
var crypto = require('crypto');
var fs = require('fs');
var path = require('path');

var NEEDED_MAJOR = 20;
var major = parseInt(process.versions.node.split('.')[0], 10);
if (major < NEEDED_MAJOR) {
  console.error('ReviewCycle\'s editors need Node.js ' + NEEDED_MAJOR + ' or newer to build; this machine has '
      + process.version + ' (' + process.execPath + '). Install Node.js ' + NEEDED_MAJOR + '+ (README, "Building").');
  process.exit(1);
}

var here = __dirname;
var outdir = process.argv[2];
if (!outdir) {
  console.error('Usage: node maven-build.cjs OUTDIR');
  process.exit(2);
}

function run(args) {
  // npm is npm.cmd on Windows, which only a shell can start
  var result = childProcess.spawnSync('npm', args, { cwd: here, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) {
    console.error('Could not run npm (' + result.error.message + '): it comes with Node.js; is it on the PATH?');
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error('npm ' + args.join(' ') + ' failed (exit code ' + result.status + ')');
    process.exit(result.status || 1);
  }
}

var lock = crypto.createHash('sha256').update(fs.readFileSync(path.join(here, 'package-lock.json'))).digest('hex');
var stamp = path.join(here, 'node_modules', '.reviewcycle-installed-lock');
var installed = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : '';
if (installed !== lock) {
  // --ignore-scripts: no package's own install script runs on the build machine; none is needed
  run([ 'ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error' ]);
  fs.writeFileSync(stamp, lock);
}
run([ 'run', 'build', '--silent', '--', outdir ]);
