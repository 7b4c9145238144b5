#!/usr/bin/env bash
# Start, idle memory and stop of an AppHost, as scripts/run.sh runs it. Prints figures; see docs/benchmarks.md.
#   benchmarks/apphost-lifecycle.sh [path/to/MedMassage.AppHost.dll] [runs]
# Every process that appears after the start is counted as the run's (run it on an otherwise quiet machine).
set -uo pipefail
cd "$(dirname "$0")/.."
dll=${1:-MedMassage.AppHost/bin/Release/net10.0/MedMassage.AppHost.dll}
runs=${2:-3}
port=${GATEWAY_PORT:-8095}

pids() { ls /proc | grep -E '^[0-9]+$' | sort; }   # comm needs lexical order
category() {
  case "$1" in
    *"dcp monitor-process"*) echo "dcp monitors";; *"/dcp "*) echo "dcp";; *Aspire.Dashboard*) echo "dashboard";;
    *MedMassage.AppHost.dll*) echo "apphost";; "dotnet run "*) echo "dotnet run hosts";;
    *beam.smp*|*epmd*|*erl_child_setup*|*inet_gethost*|*rabbitmq-server*) echo "rabbitmq";;
    *postgres*) echo "postgres";; *redis-server*) echo "redis";; *aiosmtpd*) echo "smtp";;
    *.Api|*.Api.dll|*MedMassage.Gateway|*MedMassage.Gateway.dll) echo "services (6)";; *) echo "other";;
  esac
}

for run in $(seq 1 "$runs"); do
  before=$(mktemp); pids > "$before"
  start=$(date +%s.%N)
  setsid dotnet "$dll" --gateway-port "$port" --dashboard-port 18898 --otlp-port 18899 > /tmp/apphost-lifecycle.log 2>&1 &
  host=$!
  until curl -sf -m 2 "http://127.0.0.1:$port/health" > /dev/null; do
    kill -0 "$host" 2> /dev/null || { echo "AppHost exited:"; tail -20 /tmp/apphost-lifecycle.log; exit 1; }
    sleep 0.2
  done
  healthy=$(date +%s.%N)
  sleep "${IDLE_SECONDS:-30}"   # let start-up work (migrations, tiered compilation) settle before reading memory
  # New processes that belong to a suite: not kernel threads, this script's own commands or anything else.
  mine=$(for pid in $(comm -13 "$before" <(pids)); do
    cmd=$(tr '\0' ' ' 2> /dev/null < "/proc/$pid/cmdline")
    [[ -n $cmd && $(category "${cmd% }") != other ]] && echo "$pid"; done | tr '\n' ' ')
  printf 'run %d: start to every service healthy %.1f s\n' "$run" "$(echo "$healthy - $start" | bc)"
  for pid in $mine; do
    [[ -r /proc/$pid/smaps_rollup ]] || continue
    pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2> /dev/null)
    cmd=$(tr '\0' ' ' 2> /dev/null < "/proc/$pid/cmdline")
    [[ -n $pss ]] && printf '%s\t%s\n' "$(category "${cmd% }")" "$pss"
  done | awk -F'\t' '{ s[$1] += $2; n[$1]++; t += $2 } END {
      for (k in s) printf "  %-18s %3d processes %7.0f MB PSS\n", k, n[k], s[k] / 1024; printf "  %-18s %21.0f MB PSS\n", "whole suite", t / 1024 }'
  stop=$(date +%s.%N)
  kill -TERM "$host"   # what Ctrl+C does; a background job of a script ignores SIGINT
  while true; do
    alive=0
    for pid in $mine; do [[ -e /proc/$pid ]] && ! grep -q ') Z ' "/proc/$pid/stat" 2> /dev/null && alive=1 && break; done
    [[ $alive -eq 0 ]] && break
    sleep 0.1
  done
  printf '  SIGTERM to every process gone %.1f s\n' "$(echo "$(date +%s.%N) - $stop" | bc)"
  rm -f "$before"
  sleep 5
done
