#!/usr/bin/env bash
# Builds medmassage/aspnet:10.0, the base every deployable runs on, as an OCI layout at $1 (tag 10.0).
# Nothing is pulled: it is made from Debian's own packages and the ASP.NET Core runtime the installed SDK
# carries; no shell, no package manager, only what the runtime loads. Needs root (the files must be owned by
# root in the layer), apt-get and umoci. Same inputs and SOURCE_DATE_EPOCH, same digest.
set -euo pipefail

layout=${1:?usage: base.sh <oci-layout-dir>}
[[ $(id -u) -eq 0 ]] || { echo "base.sh: run as root: the layer's files must belong to root and to uid 1654" >&2; exit 1; }
tag=10.0
epoch=${SOURCE_DATE_EPOCH:-0}
created=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)
app_uid=1654
# libc6..libicu72 are what the runtime's native parts link or dlopen; ICU stays because the staff app is
# localised (es) and needs real culture data; tzdata for TimeZoneInfo; ca-certificates for outbound TLS.
packages=(libc6 libgcc-s1 libstdc++6 zlib1g libssl3 libicu72 tzdata ca-certificates)

dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
runtime_version=$(ls "$dotnet_root/shared/Microsoft.NETCore.App" | sort -V | tail -1)
aspnet_version=$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | sort -V | tail -1)
fxr_version=$(ls "$dotnet_root/host/fxr" | sort -V | tail -1)
[[ ${runtime_version%%.*} == 10 && ${aspnet_version%%.*} == 10 ]] \
  || { echo "base.sh: the SDK at $dotnet_root carries no 10.x ASP.NET Core runtime" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/debs"
# umoci's own cycle (unpack an empty image, fill its rootfs, repack) gives a layer with plain relative names.
umoci init --layout "$layout"
umoci new --image "$layout:$tag"
umoci unpack --image "$layout:$tag" "$work/bundle" >/dev/null
rootfs=$work/bundle/rootfs

# Sandbox user root: the download directory is ours, not _apt's. Without package lists (a fresh machine),
# fetch them once and try again.
download() { (cd "$work/debs" && apt-get download -qq -o APT::Sandbox::User=root "${packages[@]}" >/dev/null); }
download 2>/dev/null || { apt-get update -qq && download; }
mkdir -p "$rootfs/var/lib/dpkg/status.d"
for deb in "$work"/debs/*.deb; do
  dpkg-deb -x "$deb" "$rootfs" # files only: maintainer scripts never run
  # Scanners (Trivy, Grype) read package versions from here, as they do on distroless images.
  dpkg-deb -f "$deb" > "$rootfs/var/lib/dpkg/status.d/$(dpkg-deb -f "$deb" Package)"
done

# What a running service never opens: documentation (licences stay), debugger helpers, iconv modules
# (.NET converts encodings itself), ICU's tools, and the script that would rebuild the CA bundle.
find "$rootfs/usr/share/doc" -type f ! -name copyright -delete
rm -rf "$rootfs"/usr/share/{man,info,lintian,gcc,gdb,locale} "$rootfs/usr/lib/x86_64-linux-gnu/gconv" \
  "$rootfs"/usr/lib/x86_64-linux-gnu/libicu{io,test,tu}.so* "$rootfs/usr/sbin" "$rootfs/etc/ca-certificates"
find "$rootfs/usr/share/doc" -type d -empty -delete

# update-ca-certificates (a maintainer step) would build this bundle; same content, in a stable order.
mkdir -p "$rootfs/etc/ssl/certs" "$rootfs/usr/lib/ssl"
find "$rootfs/usr/share/ca-certificates" -name '*.crt' | LC_ALL=C sort | xargs cat > "$rootfs/etc/ssl/certs/ca-certificates.crt"
ln -s /etc/ssl/certs "$rootfs/usr/lib/ssl/certs"
ln -s /etc/ssl/certs/ca-certificates.crt "$rootfs/usr/lib/ssl/cert.pem"

# The ASP.NET Core shared framework, copied from the SDK install rather than downloaded.
share=$rootfs/usr/share/dotnet
mkdir -p "$share/host/fxr" "$share/shared/Microsoft.NETCore.App" "$share/shared/Microsoft.AspNetCore.App" "$rootfs/usr/bin"
cp -a "$dotnet_root/dotnet" "$dotnet_root/LICENSE.txt" "$dotnet_root/ThirdPartyNotices.txt" "$share/"
cp -a "$dotnet_root/host/fxr/$fxr_version" "$share/host/fxr/"
cp -a "$dotnet_root/shared/Microsoft.NETCore.App/$runtime_version" "$share/shared/Microsoft.NETCore.App/"
cp -a "$dotnet_root/shared/Microsoft.AspNetCore.App/$aspnet_version" "$share/shared/Microsoft.AspNetCore.App/"
ln -s ../share/dotnet/dotnet "$rootfs/usr/bin/dotnet"

# The user and the few files a glibc program expects; the uid is the one Microsoft's images use for "app".
mkdir -p "$rootfs/etc" "$rootfs/home/app" "$rootfs/app" "$rootfs/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:%s:%s::/home/app:/sbin/nologin\n' $app_uid $app_uid > "$rootfs/etc/passwd"
printf 'root:x:0:\napp:x:%s:\n' $app_uid > "$rootfs/etc/group"
printf 'hosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
printf 'include /etc/ld.so.conf.d/*.conf\n' > "$rootfs/etc/ld.so.conf"
cp /usr/lib/os-release "$rootfs/etc/os-release" # the Debian release the packages came from, for scanners
chown $app_uid:$app_uid "$rootfs/home/app"
chmod 1777 "$rootfs/tmp"
ldconfig -r "$rootfs" # a cache, so the runtime's dlopen of libssl and ICU needs no directory search
rm -rf "$rootfs/var/cache/ldconfig"

# Stable timestamps make the layer's bytes depend only on its content.
find "$rootfs" -exec touch -h -d "@$epoch" {} +

umoci repack --image "$layout:$tag" --history.created "$created" \
  --history.created_by "base.sh: Debian ${packages[*]}; ASP.NET Core $aspnet_version" "$work/bundle"
umoci config --image "$layout:$tag" --no-history --created "$created" --architecture amd64 --os linux \
  --config.user "$app_uid" --config.workingdir /app \
  --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --config.env APP_UID=$app_uid --config.env DOTNET_RUNNING_IN_CONTAINER=true \
  --config.env DOTNET_VERSION="$runtime_version" --config.env ASPNET_VERSION="$aspnet_version" \
  --config.env ASPNETCORE_HTTP_PORTS=8080 \
  --config.label org.opencontainers.image.title=medmassage/aspnet \
  --config.label org.opencontainers.image.version="$aspnet_version"
umoci gc --layout "$layout"
echo "base.sh: $layout:$tag (ASP.NET Core $aspnet_version, $(du -sh "$layout/blobs" | cut -f1) of blobs)"
