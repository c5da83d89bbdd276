#!/usr/bin/env bash
# Runs the lit suite (all of it, or the given paths) with LLVM's lit.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
lit=""
for candidate in "$(command -v lit || true)" /usr/lib/llvm-16/build/utils/lit/lit.py /usr/lib/llvm-14/build/utils/lit/lit.py; do
  if [[ -n "$candidate" && -e "$candidate" ]]; then lit="$candidate"; break; fi
done
if [[ -z "$lit" ]]; then
  echo "run-lit.sh: LLVM lit not found; install llvm-16-tools (apt-get install llvm-16-tools)" >&2
  exit 1
fi
if [[ "$lit" == *.py ]]; then runner=(python3 "$lit"); else runner=("$lit"); fi
if [[ $# -eq 0 ]]; then set -- "$here"; fi
exec "${runner[@]}" -sv "$@"
