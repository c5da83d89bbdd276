#!/usr/bin/env bash
# Runs sol-bench on the probe networks (made by generate_probe_networks.py) and prints one table
# row per probe: SOL's and ONNX Runtime's median latency and their ratio, or the error line of a
# probe that SOL cannot compile.   scripts/bench_probes.sh [--threads N] [PROBE...]
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
dir="${SOL_BENCH_PROBES:-$here/../bench/probes}"
threads=1
while [[ $# -gt 0 && "$1" == --* ]]; do
  case "$1" in
    --threads) [[ $# -ge 2 ]] || { echo "bench_probes.sh: --threads needs a value" >&2; exit 2; }; threads="$2"; shift 2 ;;
    *) echo "bench_probes.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
probes=("$@")
if [[ ${#probes[@]} -eq 0 ]]; then
  [[ -d "$dir" ]] || { echo "bench_probes.sh: $dir is missing; run scripts/generate_probe_networks.py" >&2; exit 1; }
  for f in "$dir"/*.onnx; do probes+=("$(basename "$f" .onnx)"); done
fi
echo "| probe | SOL ms | ORT ms | SOL/ORT |"
echo "| --- | --- | --- | --- |"
for probe in "${probes[@]}"; do
  model="$dir/$probe.onnx"
  [[ -f "$model" ]] || { echo "bench_probes.sh: $model is missing; run scripts/generate_probe_networks.py" >&2; exit 1; }
  out="$("$here/../bin/sol-bench" "$model" --threads "$threads" 2>&1)" || { echo "| $probe | failed: $(tail -1 <<<"$out") | | |"; continue; }
  sol=$(awk '/^SOL median latency/ {print $4}' <<<"$out")
  ort=$(awk '/^ONNX Runtime median latency/ {print $5}' <<<"$out")
  ratio=$(awk '/^ratio SOL/ {print $4}' <<<"$out")
  echo "| $probe | $sol | $ort | $ratio |"
done
