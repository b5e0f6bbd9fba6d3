# checks.sh - the check harness of the shell tests (sourced, not run).
#
# Sourcing it makes a temporary folder $tmp (removed on exit) and defines
# run (runs a command, keeping stdout, stderr and exit status), check NAME
# (records whether the condition evaluated just before it held, printing the
# outputs when not) and conditions on the last run.  The test prints
# `$passed passed, $failed failed` at its end.

tmp=$(mktemp -d "${TMPDIR:-/tmp}/chronicle-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
out=$tmp/stdout
err=$tmp/stderr
rc=0

# run CMD...: runs a command, keeping its stdout, stderr and exit status.
run() {
    "$@" >"$out" 2>"$err"
    rc=$?
}

# show FILE: the start of an output file, indented, ending with a line break.
show() {
    { head -c 600 "$1"; echo; } | sed 's/^/       /'
}

# check NAME: records the status of the condition evaluated just before it.
# A sanitizer report on stderr (in a sanitized build) fails any check.
check() {
    local held=$?
    if [ "$held" -eq 0 ] && ! grep -q 'Sanitizer\|runtime error:' "$err"; then
        passed=$((passed + 1))
        echo "ok   $1"
    else
        failed=$((failed + 1))
        echo "FAIL $1"
        echo "     exit status $rc; stdout:"
        show "$out"
        echo "     stderr:"
        show "$err"
    fi
}

# Conditions.
status_is() { [ "$rc" -eq "$1" ]; }
stdout_has() { grep -qF -- "$1" "$out"; }
stderr_has() { grep -qF -- "$1" "$err"; }
stdout_empty() { [ ! -s "$out" ]; }
stderr_empty() { [ ! -s "$err" ]; }
