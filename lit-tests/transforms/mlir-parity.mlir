// Each pass gives the same IR as mlir-opt-16's pass of the same name (mlir-opt adds the
// default fastmath attribute, which the sed removes).
// REQUIRES: mlir-opt-16
// RUN: %sol-opt %S/Inputs/mixed.mlir --canonicalize > %t.sol && %mlir-opt %S/Inputs/mixed.mlir --canonicalize --mlir-print-op-generic | sed 's/ {fastmath = #arith.fastmath<none>}//' | diff - %t.sol
// RUN: %sol-opt %S/Inputs/mixed.mlir --cse > %t.sol && %mlir-opt %S/Inputs/mixed.mlir --cse --mlir-print-op-generic | sed 's/ {fastmath = #arith.fastmath<none>}//' | diff - %t.sol
// RUN: %sol-opt %S/Inputs/mixed.mlir --sccp > %t.sol && %mlir-opt %S/Inputs/mixed.mlir --sccp --mlir-print-op-generic | sed 's/ {fastmath = #arith.fastmath<none>}//' | diff - %t.sol
// RUN: %sol-opt %S/Inputs/mixed.mlir --inline > %t.sol && %mlir-opt %S/Inputs/mixed.mlir --inline --mlir-print-op-generic | sed 's/ {fastmath = #arith.fastmath<none>}//' | diff - %t.sol
// RUN: %sol-opt %S/Inputs/mixed.mlir --symbol-dce > %t.sol && %mlir-opt %S/Inputs/mixed.mlir --symbol-dce --mlir-print-op-generic | sed 's/ {fastmath = #arith.fastmath<none>}//' | diff - %t.sol
// RUN: %sol-opt %S/Inputs/mixed.mlir --loop-invariant-code-motion > %t.sol && %mlir-opt %S/Inputs/mixed.mlir --loop-invariant-code-motion --mlir-print-op-generic | sed 's/ {fastmath = #arith.fastmath<none>}//' | diff - %t.sol
// RUN: %sol-opt %S/Inputs/mixed.mlir -p canonicalize,cse > %t.sol && %mlir-opt %S/Inputs/mixed.mlir --pass-pipeline='builtin.module(canonicalize,cse)' --mlir-print-op-generic | sed 's/ {fastmath = #arith.fastmath<none>}//' | diff - %t.sol
// RUN: %sol-opt %S/canonicalize.mlir --split-input-file --canonicalize > %t.sol && %mlir-opt %S/canonicalize.mlir --split-input-file --canonicalize --mlir-print-op-generic | sed 's/ {fastmath = #arith.fastmath<none>}//' | diff - %t.sol
// RUN: %sol-opt %S/cse.mlir --split-input-file --cse > %t.sol && %mlir-opt %S/cse.mlir --split-input-file --cse --mlir-print-op-generic | sed 's/ {fastmath = #arith.fastmath<none>}//' | diff - %t.sol
// RUN: %sol-opt %S/Inputs/scf-canonicalize.mlir --canonicalize > %t.sol && %mlir-opt %S/Inputs/scf-canonicalize.mlir --canonicalize --mlir-print-op-generic | sed 's/ {fastmath = #arith.fastmath<none>}//' | diff - %t.sol
// The interpreter confirms that the passes keep the results of the loop-level examples:
// RUN: %sol-opt %S/../../examples/mlp.mlir -p canonicalize,cse,loop-invariant-code-motion,sccp --check-equivalence > /dev/null
// RUN: %sol-opt %S/Inputs/mixed.mlir -p canonicalize,cse,inline,symbol-dce,sccp,loop-invariant-code-motion --check-equivalence > /dev/null
