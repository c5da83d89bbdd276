#!/usr/bin/env bash
# Compares two builds of SOL (or two settings of one) on one model: deploys the model with each
# build's sol-deploy and runs the two libraries alternately, run by run, in one process
# (bench/compare/alternate.c), then prints both median latencies and the median of the per-pair
# ratios after/before with its quartiles. On a noisy machine single runs move by 10-25% within
# minutes; pairs of runs taken together see the same state.
#
#   scripts/compare_builds.sh --before DIR --after DIR [--threads N] [--runs N] [--flush MIB]
#       [--shape NAME=D0,D1,...] [--before-opts OPTS] [--after-opts OPTS] MODEL
#
# DIR is a SOL checkout whose tools are built (./mvnw install). --before-opts and --after-opts
# go to that side's JVM as SOL_JAVA_OPTS (a -Dname=value for an experiment compares two settings
# of one build); --before-flags and --after-flags go to that side's sol-deploy (--no-winograd
# against the default compares two choices of one build). --flush MIB writes that much memory before every run (cold caches, as inside a
# network). --runs: pairs of runs (default 100). --threads: the libraries' OpenMP threads (default 1).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
usage() { echo "usage: compare_builds.sh --before DIR --after DIR [--threads N] [--runs N] [--flush MIB] [--shape NAME=DIMS]... [--before-opts OPTS] [--after-opts OPTS] [--before-flags FLAGS] [--after-flags FLAGS] MODEL" >&2; exit 2; }
before="" after="" threads=1 runs=100 flush=0 before_opts="" after_opts="" before_flags="" after_flags="" model=""
shapes=()
number() { [[ "$2" =~ ^[0-9]+$ ]] || { echo "compare_builds.sh: $1 takes a number, got '$2'" >&2; exit 2; }; }
given() { [[ $# -ge 2 ]] || { echo "compare_builds.sh: $1 needs a value" >&2; exit 2; }; }
while [[ $# -gt 0 ]]; do
  case "$1" in --before|--after|--threads|--runs|--flush|--shape|--before-opts|--after-opts|--before-flags|--after-flags) given "$@" ;; esac
  case "$1" in
    --before) before="$2"; shift 2 ;;
    --after) after="$2"; shift 2 ;;
    --threads) number "$1" "$2"; threads="$2"; shift 2 ;;
    --runs) number "$1" "$2"; runs="$2"; shift 2 ;;
    --flush) number "$1" "$2"; flush="$2"; shift 2 ;;
    --shape) shapes+=(--shape "$2"); shift 2 ;;
    --before-opts) before_opts="$2"; shift 2 ;;
    --after-opts) after_opts="$2"; shift 2 ;;
    --before-flags) before_flags="$2"; shift 2 ;;
    --after-flags) after_flags="$2"; shift 2 ;;
    --*) echo "compare_builds.sh: unknown option $1" >&2; usage ;;
    *) [[ -z "$model" ]] || usage; model="$1"; shift ;;
  esac
done
[[ -n "$before" && -n "$after" && -n "$model" ]] || usage
[[ -f "$model" ]] || { echo "compare_builds.sh: $model: no such file" >&2; exit 1; }
[[ "$runs" -ge 1 ]] || { echo "compare_builds.sh: --runs must be at least 1" >&2; exit 2; }
for dir in "$before" "$after"; do
  [[ -x "$dir/bin/sol-deploy" ]] || { echo "compare_builds.sh: $dir/bin/sol-deploy not found: --before and --after name SOL checkouts" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"${CC:-cc}" -O2 -o "$work/alternate" "$here/../bench/compare/alternate.c" -ldl
deploy() { # side dir opts flags
  # shellcheck disable=SC2086 # the flags are words
  if ! SOL_JAVA_OPTS="$3" "$2/bin/sol-deploy" $4 --lib-name=network -o "$work/$1" --threads="$threads" ${shapes[@]+"${shapes[@]}"} "$model" > "$work/$1.log" 2>&1; then
    echo "compare_builds.sh: sol-deploy of the $1 build failed:" >&2
    cat "$work/$1.log" >&2
    exit 1
  fi
}
deploy before "$before" "$before_opts" "$before_flags"
deploy after "$after" "$after_opts" "$after_flags"
"$work/alternate" "$work/before/libnetwork.so" "$work/after/libnetwork.so" "$runs" "$flush"
