#!/usr/bin/env bash
# make dist: a release binary with the Swift standard library and Foundation linked in
# (--static-swift-stdlib) and GSL linked statically from Debian's libgsl-dev archives, packed
# with Scenarios/ and docs/ into dist/crisis-sim-VERSION-linux-ARCH.tar.gz.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}

# GSL from Debian's archives (libgsl.a, libgslcblas.a) rather than its shared libraries.
# SwiftPM puts pkg-config's -L first on the link line, and the linker takes the first folder
# holding a library: a gsl.pc of our own, found first, points at a folder holding only the
# archives, so every -lgsl (the module map's too) finds libgsl.a.
libdir=$(pkg-config --variable=libdir gsl)
static=$PWD/.build/gsl-static
mkdir -p "$static"
for lib in libgsl.a libgslcblas.a; do
    [ -f "$libdir/$lib" ] || { echo "dist: $libdir/$lib missing: libgsl-dev without its archives" >&2; exit 1; }
    ln -sf "$libdir/$lib" "$static/$lib"
done
sed -e "s|^Libs:.*|Libs: -L$static -lgsl -lgslcblas -lm|" "$(pkg-config --variable=pcfiledir gsl)/gsl.pc" > "$static/gsl.pc"
export PKG_CONFIG_PATH=$static${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}

# The release build links again whenever the flags differ from its last link.
rm -f .build/release/crisis-sim
"$SWIFT" build -c release --product crisis-sim --static-swift-stdlib
binary=$("$SWIFT" build -c release --show-bin-path)/crisis-sim

version=$(git describe --tags --always --dirty 2>/dev/null || echo unversioned)
name=crisis-sim-$version-linux-$(uname -m)
stage=dist/$name
# One tarball at a time, so the browser test and a planner find the one just made.
rm -rf dist && mkdir -p "$stage"
cp "$binary" "$stage/crisis-sim"
strip "$stage/crisis-sim"
cp -R Scenarios docs "$stage/"
cp README.md "$stage/"
tar -C dist -czf "dist/$name.tar.gz" "$name"
echo "dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1)); binary $(du -h "$stage/crisis-sim" | cut -f1)"
