#!/usr/bin/env bash
# Prints the figures the benchmarks reported (benchfig lines in their logs) as
# one table, in the order of the logs given, and says which goals were missed.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 LOG..." >&2; exit 2; }
rows="$(grep -h $'^figure\t' "$@" || true)"
if [ -z "$rows" ]; then echo "no figures were reported; see the logs: $*" >&2; exit 1; fi
printf '\n| figure | goal | value | baseline (same run) | met |\n|---|---|---|---|---|\n'
printf '%s\n' "$rows" | awk -F'\t' '{printf "| %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6}'
missed="$(printf '%s\n' "$rows" | awk -F'\t' '$6 != "yes"' | wc -l)"
printf '\n%d figures, %d goals not met\n' "$(printf '%s\n' "$rows" | wc -l)" "$missed"
