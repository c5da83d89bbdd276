#!/usr/bin/env bash
# Compiles Classify.java against the built runtime jar and its dependencies
# (runtime/target/sol-runtime-*.jar and runtime/target/lib/, made by ./mvnw package)
# and runs it: examples/java/run.sh [MODEL.onnx [INPUT.pb]]
# Without arguments it classifies the test input of the generated SqueezeNet (testdata/generated).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "2[5-9]'; then
  bin="$JAVA_HOME/bin"
elif [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  bin=/usr/lib/jvm/temurin-25-jdk-amd64/bin
else
  bin="$(dirname "$(command -v java)")"
fi
jar=$(ls "$root"/runtime/target/sol-runtime-*.jar 2>/dev/null | head -n 1 || true)
if [[ -z "$jar" || ! -d "$root/runtime/target/lib" ]]; then
  echo "run.sh: the runtime is not built; run: (cd '$root' && ./mvnw -B -DskipTests package)" >&2
  exit 2
fi
cp="$jar:$root/runtime/target/lib/*"
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
"$bin/javac" -d "$classes" -cp "$cp" "$root/examples/java/Classify.java"
if [[ $# -eq 0 ]]; then
  set -- "$root/testdata/generated/net_squeezenet/model.onnx" "$root/testdata/generated/net_squeezenet/test_data_set_0/input_0.pb"
fi
"$bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -cp "$classes:$cp" Classify "$@"
