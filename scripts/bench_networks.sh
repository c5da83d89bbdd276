#!/usr/bin/env bash
# Runs sol-bench on the full-size benchmark networks (made by generate_benchmark_networks.py)
# and prints one table row per network and batch size: SOL's and ONNX Runtime's median latency
# and their ratio.   scripts/bench_networks.sh [--batch "1 4"] [--threads N] [NETWORK...]
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
dir="${SOL_BENCH_NETWORKS:-$here/../bench/networks}"
batches="1"; threads=1
while [[ $# -gt 0 && "$1" == --* ]]; do
  case "$1" in
    --batch) batches="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "bench_networks.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
nets=("$@")
if [[ ${#nets[@]} -eq 0 ]]; then nets=(resnet50 resnet18 vgg19 densenet121 inception_v1 squeezenet11 shufflenet_v2 mobilenet_v2 efficientnet_b0 ocr_cnn text_recognizer mlp_head unet transformer
  inception_v3 resnext50 convnext_t mobilenet_v3_large vit_s16 lstm_tagger mobilenet_v1 resnet50_v2 mnasnet); fi
echo "| network | batch | SOL ms | ORT ms | SOL/ORT |"
echo "| --- | --- | --- | --- | --- |"
for net in "${nets[@]}"; do
  model="$dir/$net.onnx"
  [[ -f "$model" ]] || { echo "bench_networks.sh: $model is missing; run scripts/generate_benchmark_networks.py" >&2; exit 1; }
  for b in $batches; do
    case "$net" in
      ocr_cnn) dims="$b,1,32,128" ;;
      mlp_head) dims="$b,512" ;;
      text_recognizer) dims="$b,3,48,320" ;;
      unet) dims="$b,3,128,128" ;;
      transformer) dims="$b,128,256" ;;
      lstm_tagger) dims="$b,64,128" ;;
      inception_v3) dims="$b,3,299,299" ;;
      *) dims="$b,3,224,224" ;;
    esac
    out="$("$here/../bin/sol-bench" "$model" --shape "input=$dims" --threads "$threads" 2>&1)" || { echo "| $net | $b | failed: $(tail -1 <<<"$out") | | |"; continue; }
    sol=$(awk '/^SOL median latency/ {print $4}' <<<"$out")
    ort=$(awk '/^ONNX Runtime median latency/ {print $5}' <<<"$out")
    ratio=$(awk '/^ratio SOL/ {print $4}' <<<"$out")
    echo "| $net | $b | $sol | $ort | $ratio |"
  done
done
