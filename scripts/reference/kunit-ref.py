#!/usr/bin/env python3
"""Run the real kunit_parser (from a Linux source tree) over KTAP logs and
print one JSON object per log: file, status, counts, tests (leaves),
parents (non-leaf subtests), errors (the parser's [ERROR] messages).

usage: kunit-ref.py [KUNIT_DIR] [LOG ...]
       kunit-ref.py --inline [KUNIT_DIR]   the kernel output kunit_tool_test.py
         writes inline (multi-line strings and lists of lines holding a version line),
         one JSON object per case: {"case": "kunit_tool_test.py:LINE", "text": ...}
  KUNIT_DIR defaults to /var/tmp/kunit-src/linux-source-6.12/tools/testing/kunit
  LOGs default to KUNIT_DIR/test_data/*.log.
The kernel tree comes from Debian's linux-source-6.12 (bookworm-security), never committed here:
docs/reference/kunit-parser.md says how to get it and what this prints for each log.
Works with both parse_run_tests(kernel_output) (<= 6.13) and
parse_run_tests(kernel_output, printer) (upstream >= 6.14).
"""
import glob, inspect, io, json, os, re, signal, sys

INLINE = len(sys.argv) > 1 and sys.argv[1] == '--inline'
if INLINE:
    sys.argv.pop(1)
KDIR = sys.argv[1] if len(sys.argv) > 1 else \
    '/var/tmp/kunit-src/linux-source-6.12/tools/testing/kunit'
sys.path.insert(0, KDIR)
import kunit_parser   # noqa: E402
import kunit_printer  # noqa: E402

class Timeout(Exception):
    pass

def _alarm(signum, frame):
    raise Timeout()

def run(lines):
    buf = io.StringIO()
    printer = kunit_printer.Printer(buf)          # isatty() False -> no colours
    # 6.12 prints through the module-level kunit_printer.stdout object that
    # kunit_parser imported by name; redirect that object's stream too.
    kunit_printer.stdout._output = buf
    nparams = len(inspect.signature(kunit_parser.parse_run_tests).parameters)
    if nparams >= 2:
        test = kunit_parser.parse_run_tests(lines, printer)
    else:
        test = kunit_parser.parse_run_tests(lines)
    return test, buf.getvalue()

def walk(test, path, leaves, parents):
    for i, sub in enumerate(test.subtests, 1):
        name = sub.name if sub.name != '' else f'<unnamed#{i}>'
        p = path + [name]
        if sub.subtests:
            parents.append(f"{'.'.join(p)}: {sub.status.name}")
            walk(sub, p, leaves, parents)
        else:
            leaves.append(f"{'.'.join(p)}: {sub.status.name}")

def inline_cases(kdir):
    import ast
    path = os.path.join(kdir, 'kunit_tool_test.py')
    tree = ast.parse(open(path).read())
    seen = set()
    for node in ast.walk(tree):
        text = None
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and '\n' in node.value and 'TAP version' in node.value:
            text = node.value
        elif isinstance(node, ast.List) and node.elts and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts) \
                and any('TAP version' in e.value for e in node.elts):
            text = '\n'.join(e.value for e in node.elts)
        if text is not None and text not in seen:
            seen.add(text)
            print(json.dumps({'case': f'kunit_tool_test.py:{node.lineno}', 'text': text}))

def main():
    logs = sys.argv[2:] or sorted(glob.glob(os.path.join(KDIR, 'test_data', '*.log')))
    cases = [(os.path.basename(f), f) for f in logs]
    signal.signal(signal.SIGALRM, _alarm)
    for name, path in cases:
        with open(path, errors='replace') as fh:
            lines = fh.readlines()
        out = {'file': name}
        signal.alarm(3)
        try:
            test, printed = run(lines)
            signal.alarm(0)
            c = test.counts
            leaves, parents = [], []
            walk(test, [], leaves, parents)
            out.update(status=test.status.name,
                       counts=dict(passed=c.passed, failed=c.failed, crashed=c.crashed,
                                   skipped=c.skipped, errors=c.errors),
                       tests=leaves, parents=parents,
                       errors=[re.sub(r'^\[\d\d:\d\d:\d\d\] ', '', l)
                               for l in printed.splitlines() if '[ERROR]' in l])
        except Timeout:
            out.update(status='PARSER_HANG', note='parse_run_tests did not return within 3 s (infinite loop)')
        except Exception as e:  # record, keep going
            signal.alarm(0)
            out.update(status='PARSER_EXCEPTION', note=f'{type(e).__name__}: {e}')
        print(json.dumps(out))

if __name__ == '__main__':
    inline_cases(KDIR) if INLINE else main()
