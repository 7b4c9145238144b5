#!/usr/bin/env bash
# Runs the whole suite: servers, the four services and the gateway (http://127.0.0.1:8080). Ctrl+C stops all.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet build MedMassage.AppHost -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet MedMassage.AppHost/bin/Release/net10.0/MedMassage.AppHost.dll "$@"
