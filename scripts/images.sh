#!/usr/bin/env bash
# Builds every deployable into an OCI image archive (<output-dir>/<image>.tar) with the .NET SDK's own
# container support: no Docker engine, no outside registry. The base image is made here (deploy/images/base.sh)
# and lent to the SDK through a registry that listens on loopback only for the length of the build.
# Usage: scripts/images.sh [--smoke] [output-dir]      (default artifacts/images; run as root)
#   --smoke  afterwards unpacks the gateway image and runs it, as uid 1654, until /alive answers.
# MEDMASSAGE_VERSION (tag and version label; default `git describe --dirty`) and MEDMASSAGE_SOURCE_URL (source label;
# default the origin remote) may be set.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
smoke=false
[[ ${1:-} == --smoke ]] && { smoke=true; shift; }
out=$(realpath -m "${1:-$root/artifacts/images}")
started=$SECONDS

images=(
  services/referral/MedMassage.Referral.Api.csproj=referral-api
  services/scheduling/MedMassage.Scheduling.Api.csproj=scheduling-api
  services/clinical-notes/MedMassage.ClinicalNotes.Api.csproj=clinical-notes-api
  services/notification/MedMassage.Notification.Api.csproj=notification-api
  services/identity/MedMassage.Identity.Api.csproj=identity-api
  gateway/MedMassage.Gateway.csproj=gateway
  web/staff-app/MedMassage.StaffApp.csproj=staff-app
)

source "$root/scripts/lib/apt.sh"
install_missing docker-registry skopeo umoci

version=${MEDMASSAGE_VERSION:-$(git -C "$root" describe --tags --always --dirty 2>/dev/null || echo dev)}
version=${version#v}
revision=$(git -C "$root" rev-parse HEAD 2>/dev/null || true)
source_url=${MEDMASSAGE_SOURCE_URL:-$(git -C "$root" remote get-url origin 2>/dev/null || true)}
if [[ -z $source_url ]]; then
  source_url=https://example.invalid/medmassage
  echo "images.sh: no origin remote; set MEDMASSAGE_SOURCE_URL for the source label (using $source_url)" >&2
fi

work=$(mktemp -d)
registry_pid=
smoke_pid=
cleanup() {
  set +e # a stopped process's status must not cut the cleanup short
  # unshare shields itself from SIGTERM while it waits, so the service (its only child) is asked to stop.
  if [[ -n $smoke_pid ]]; then pkill -TERM -P "$smoke_pid"; wait "$smoke_pid"; fi 2>/dev/null
  if [[ -n $registry_pid ]]; then kill "$registry_pid"; wait "$registry_pid"; fi 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$root/deploy/images/base.sh" "$work/base"

# A free loopback port: one nothing answers on (the registry failing to bind is caught below).
for _ in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 40000))
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
done
cat > "$work/registry.yml" <<EOF
version: 0.1
log: { level: warn }
storage: { filesystem: { rootdirectory: $work/registry } }
http: { addr: "127.0.0.1:$port" }
EOF
docker-registry serve "$work/registry.yml" > "$work/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/v2/" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/v2/" >/dev/null || { cat "$work/registry.log" >&2; exit 1; }
base_image=127.0.0.1:$port/medmassage/aspnet:10.0
skopeo copy -q --dest-tls-verify=false "oci:$work/base:10.0" "docker://$base_image"

# The SDK speaks plain HTTP only to registries named here; this one never leaves loopback.
export DOTNET_CONTAINER_INSECURE_REGISTRIES=127.0.0.1:$port DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$out"
# One at a time: the services share libraries, and two builds of one library at once collide.
for entry in "${images[@]}"; do
  project=${entry%=*} name=${entry#*=} image_started=$SECONDS
  # ArtifactsPath keeps these Release builds (and their restore) apart from the bin/ and obj/ of daily work.
  timeout -k 10 900 dotnet publish "$root/$project" -c Release -r linux-x64 --self-contained false \
    -t:PublishContainer -nologo -v:quiet -clp:ErrorsOnly \
    -p:ArtifactsPath="$root/artifacts/images-build" \
    -p:CustomAfterMicrosoftCommonTargets="$root/deploy/images/Containers.props" \
    -p:ContainerBaseImage="$base_image" -p:ContainerRepository="medmassage/$name" \
    -p:ContainerImageTag="$version" -p:ContainerArchiveOutputPath="$out/$name.tar" \
    -p:MedMassageImageName="$name" -p:MedMassageImageVersion="$version" \
    -p:MedMassageSourceUrl="$source_url" -p:MedMassageRevision="$revision"
  printf '%-20s %6s MB  %3ss\n' "$name" "$(($(stat -c %s "$out/$name.tar") / 1000000))" $((SECONDS - image_started))
done
# Each archive carries the base; a registry, or a node, stores it once.
total=0
for entry in "${images[@]}"; do total=$((total + $(stat -c %s "$out/${entry#*=}.tar"))); done
base_size=$(find "$work/base/blobs" -type f -printf '%s\n' | sort -n | tail -1)
printf '%-20s %6s MB  %3ss  (%s MB with the %s MB base once; %s, tag %s)\n' total $((total / 1000000)) \
  $((SECONDS - started)) $(((total - (${#images[@]} - 1) * base_size) / 1000000)) $((base_size / 1000000)) "$out" "$version"

if $smoke; then
  # No container engine: unpack the image as it would be (umoci applies the layers) and run its entrypoint
  # chrooted, as uid 1654, with fresh mount and pid namespaces for /proc and /dev (mounted in that namespace
  # only: nothing stays mounted under $work when it ends).
  mkdir "$work/gateway" && tar -xf "$out/gateway.tar" -C "$work/gateway"
  umoci unpack --image "$work/gateway:$version" "$work/bundle" >/dev/null
  rootfs=$work/bundle/rootfs
  mkdir -p "$rootfs/proc" "$rootfs/dev"
  port=$((20000 + RANDOM % 40000))
  unshare --mount --pid --fork --kill-child sh -c 'mount --rbind /dev "$0/dev" && mount -t proc proc "$0/proc" && exec "$@"' \
    "$rootfs" env -i PATH=/usr/bin HOME=/home/app DOTNET_RUNNING_IN_CONTAINER=true ConnectionStrings__redis=127.0.0.1:1 \
    unshare --root="$rootfs" --wd=/app --setuid 1654 --setgid 1654 \
    dotnet /app/MedMassage.Gateway.dll --urls "http://127.0.0.1:$port" > "$work/smoke.log" 2>&1 &
  smoke_pid=$!
  for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/alive" >/dev/null && break; sleep 1; done
  if curl -sf "http://127.0.0.1:$port/alive"; then
    echo && echo "smoke: gateway image answered /alive as uid 1654"
  else
    cat "$work/smoke.log" >&2 && echo "smoke: gateway image did not answer /alive within 60 s" >&2 && exit 1
  fi
fi
