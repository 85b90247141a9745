#!/usr/bin/env bash
# The TrueType CJK font the certificate PDFs embed. fpdf reads only glyf-based
# TrueType, so the TTC/OTF fonts most CJK packages ship cannot be used; Debian's
# fonts-droid-fallback carries a plain .ttf. It has no Latin glyphs, not even
# digits; internal/certificate sets those in the PDF core font Helvetica.
# Quiet when the font is already there, so it can run before every test.
set -euo pipefail

font=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
[ -f "$font" ] && exit 0

say() { echo "fonts: $*" >&2; }
sudo_cmd=()
[ "$(id -u)" = 0 ] || sudo_cmd=(sudo)

say "installing Debian's fonts-droid-fallback"
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet; refresh them only when needed.
if ! "${sudo_cmd[@]}" apt-get install -y -qq fonts-droid-fallback >/dev/null 2>&1; then
  "${sudo_cmd[@]}" apt-get update -qq >/dev/null
  "${sudo_cmd[@]}" apt-get install -y -qq fonts-droid-fallback >/dev/null
fi
[ -f "$font" ] || { say "fonts-droid-fallback is installed but $font is missing"; exit 1; }
