// The invalid IR of our --verify-diagnostics tests gets the same errors, on the same lines,
// from mlir-opt-16: the messages we word as MLIR's are MLIR's.
// REQUIRES: mlir-opt-16
// RUN: %mlir-opt --split-input-file --verify-diagnostics %S/../diagnostics/trait-counts.mlir
// RUN: %mlir-opt --split-input-file --verify-diagnostics %S/../dialects/arith-invalid.mlir
// RUN: %mlir-opt --split-input-file --verify-diagnostics %S/../dialects/func-invalid.mlir
// RUN: %mlir-opt --split-input-file --verify-diagnostics %S/../dialects/memref-invalid.mlir
// RUN: %mlir-opt --split-input-file --verify-diagnostics %S/../dialects/scf-invalid.mlir
// RUN: %mlir-opt --split-input-file --verify-diagnostics %S/../dialects/vector-invalid.mlir
// RUN: %mlir-opt --split-input-file --verify-diagnostics %S/../dialects/more-invalid.mlir
// RUN: %mlir-opt --allow-unregistered-dialect --split-input-file --verify-diagnostics %S/../diagnostics/dominance.mlir
