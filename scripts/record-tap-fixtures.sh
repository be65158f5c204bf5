#!/usr/bin/env bash
# Re-records test/fixtures/tap/NAME.tap from real TAP producers (Node's test runner, Perl's
# Test::More, node-tap, tape), NAME.how with the exact command and versions, and NAME.ref.json
# with what the reference parser (tap-parser, scripts/reference/tap-ref.mjs) reads from it.
# node-tap and tape are installed into producers/js/node_modules (not committed) on first use.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$root/test/fixtures/tap
cd "$dir/producers" || exit 3
[ -d js/node_modules ] || (cd js && npm install --ignore-scripts --no-audit --no-fund tap@21 tape@5 >/dev/null) || exit 3
rec() {
	local name=$1 cmd=$2
	(eval "$cmd") >"$dir/$name.tap" 2>/dev/null
	local rc=$?
	printf 'cd test/fixtures/tap/producers && %s > %s.tap\n# exit status: %s; node %s; perl Test::More %s\n' \
		"$cmd" "$name" "$rc" "$(node --version)" "$(perl -MTest::More -e 'print $Test::More::VERSION')" >"$dir/$name.how"
	node "$root/scripts/reference/tap-ref.mjs" "$dir/$name.tap" >"$dir/$name.ref.json"
	echo "$name: exit $rc"
}
for n in node_subtests node_yaml_fail node_directives; do rec "$n" "node --test-reporter=tap $n.test.mjs"; done
rec node_runner_files 'node --test --test-reporter=tap node_subtests.test.mjs node_directives.test.mjs'
rec node_runner_crash 'node --test --test-reporter=tap node_crash.test.mjs node_yaml_fail.test.mjs'
for f in perl_*.pl; do rec "$(basename "$f" .pl)" "perl $f"; done
for n in nodetap_mix nodetap_bail nodetap_plan tape_mix; do rec "$n" "node js/$n.test.mjs"; done
