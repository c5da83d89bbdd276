// Scalable vectors: what mlir-opt-16 prints, sol-opt prints back byte for byte, and the
// reverse; the malformed ones get the same errors from both.
// REQUIRES: mlir-opt-16
// RUN: %mlir-opt --mlir-print-op-generic %S/../parser-printer/scalable-vectors.mlir > %t.gen.mlir
// RUN: %sol-opt %t.gen.mlir > %t.sol.mlir
// RUN: diff %t.gen.mlir %t.sol.mlir
// RUN: %sol-opt %S/../parser-printer/scalable-vectors.mlir | %mlir-opt --verify-each --mlir-print-op-generic > %t.back.mlir
// RUN: diff %t.gen.mlir %t.back.mlir
// RUN: %mlir-opt --allow-unregistered-dialect --split-input-file --verify-diagnostics %S/../diagnostics/scalable-vectors.mlir
