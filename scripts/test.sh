#!/usr/bin/env bash
# Runs every test project against real servers and ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1

log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
dotnet build MedMassage.sln -c Debug -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
# The OCI images every deployable ships as (about a minute); the deployment tests check what they hold.
scripts/images.sh >"$log/images" 2>&1 || { tail -30 "$log/images"; echo "0 passed, 1 failed"; exit 1; }
tail -3 "$log/images"

# Two lanes, one project at a time each. The projects that start the whole suite take turns anyway (one suite at a
# time on two cores); a project waiting for its turn must not hold up the others, so they have a lane of their own.
suites=(tests/MedMassage.EndToEnd.Tests tests/MedMassage.Faults.Tests)
others=($(ls -d tests/*.Tests | grep -vxF -e "${suites[0]}" -e "${suites[1]}"))
lane() {
  local name=$1; shift
  for project in "$@"; do
    dotnet test "$project" -c Debug --no-build -nologo >>"$log/$name" 2>&1 || echo "$project" >>"$log/failed"
  done
}
lane suites "${suites[@]}" &
lane others "${others[@]}"
wait
cat "$log/others" "$log/suites"

# dotnet test prints one summary per test project: "Passed!  - Failed:     0, Passed:    12, Skipped: ..."
read -r passed failed < <(cat "$log/others" "$log/suites" | grep -oE -- '- Failed: +[0-9]+, Passed: +[0-9]+' |
  awk '{ gsub(",", ""); f += $3; p += $5 } END { print p + 0, f + 0 }')
status=0
[[ -s $log/failed ]] && status=1
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi   # a crashed test host counts as a failure
echo "${passed} passed, ${failed} failed"
[[ $status -eq 0 && $failed -eq 0 ]]
