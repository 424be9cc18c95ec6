#!/usr/bin/env bash
# Look at a gap report as a reader would: render report.html in headless Chromium
# at phone (390 px) and desktop (1280 px) widths, print it to an A4 PDF, and convert
# report.xlsx to PDF with LibreOffice; the PDFs' first pages become PNGs too.
#
#   scripts/screenshots.sh [REPORT_DIR [OUT_DIR]]
#
# REPORT_DIR holds report.html and/or report.xlsx (default: out). Without it and
# without out/report.html, the test fixture's report is rendered first (both
# languages, into .build/report-snapshot). Missing Debian packages (chromium,
# fonts-noto-cjk, libreoffice-calc-nogui, poppler-utils) are installed with apt-get.
set -euo pipefail
cd "$(dirname "$0")/.."

report_dirs=()
out_dir="${2:-}"
if [ $# -ge 1 ]; then
  report_dirs=("$1")
elif [ -f out/report.html ]; then
  report_dirs=(out)
else
  snap=.build/report-snapshot
  rm -rf "$snap"
  CAREEVAL_REPORT_SNAPSHOT_DIR="$PWD/$snap" swift test --filter SnapshotTests >/dev/null
  report_dirs=("$snap/zh" "$snap/en")
fi

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  echo "installing: ${need[*]}" >&2
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

chrome() {
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-extensions --user-data-dir="$tmp/chrome" "$@" 2>/dev/null
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "${report_dirs[@]}"; do
  dest="${out_dir:-$dir/screenshots}"
  [ ${#report_dirs[@]} -gt 1 ] && [ -n "$out_dir" ] && dest="$out_dir/$(basename "$dir")"
  mkdir -p "$dest"
  rm -f "$dest"/html-a4-*.png "$dest"/xlsx-*.png
  if [ -f "$dir/report.html" ]; then
    page="file://$(realpath "$dir/report.html")"
    # Phone: the first screens, then the whole page.
    chrome --window-size=390,2400 --force-device-scale-factor=2 --screenshot="$dest/html-390.png" "$page"
    chrome --window-size=1280,2400 --screenshot="$dest/html-1280.png" "$page"
    chrome --no-pdf-header-footer --print-to-pdf="$dest/report-html.pdf" "$page"
    pdftoppm -r 60 -png -f 1 -l 3 "$dest/report-html.pdf" "$dest/html-a4"
    echo "$dest/html-390.png $dest/html-1280.png $dest/report-html.pdf"
  fi
  if [ -f "$dir/report.xlsx" ]; then
    # A big workbook (a national data set's Estimates sheet runs to thousands of
    # pages) is printed in part: its first pages show Summary and Shortfalls.
    filter=pdf
    if [ "$(stat -c %s "$dir/report.xlsx")" -gt 1000000 ]; then
      filter='pdf:calc_pdf_Export:{"PageRange":{"type":"string","value":"1-8"}}'
    fi
    soffice --headless -env:UserInstallation="file://$tmp/lo" --convert-to "$filter" \
      --outdir "$tmp" "$dir/report.xlsx" >/dev/null 2>&1
    mv "$tmp/report.pdf" "$dest/report-xlsx.pdf"
    pdftoppm -r 60 -png -f 1 -l 4 "$dest/report-xlsx.pdf" "$dest/xlsx"
    echo "$dest/report-xlsx.pdf"
  fi
done
