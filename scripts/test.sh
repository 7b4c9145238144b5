#!/usr/bin/env bash
# Runs every test project against real servers and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1

log=$(mktemp)
dotnet build MedMassage.sln -c Debug -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
# The OCI images every deployable ships as (about a minute); the deployment tests check what they hold.
scripts/images.sh >"$log" 2>&1 || { tail -30 "$log"; echo "0 passed, 1 failed"; exit 1; }
tail -3 "$log"
dotnet test MedMassage.sln -c Debug --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test project: "Passed!  - Failed:     0, Passed:    12, Skipped: ..."
read -r passed failed < <(grep -oE -- '- Failed: +[0-9]+, Passed: +[0-9]+' "$log" |
  awk '{ gsub(",", ""); f += $3; p += $5 } END { print p + 0, f + 0 }')
rm -f "$log"
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi   # a crashed test host counts as a failure
echo "${passed} passed, ${failed} failed"
[[ $status -eq 0 && $failed -eq 0 ]]
