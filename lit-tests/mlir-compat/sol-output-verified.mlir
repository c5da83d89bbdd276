// What sol-opt prints, mlir-opt-16 parses, verifies, and understands as the same IR.
// REQUIRES: mlir-opt-16
// RUN: %mlir-opt --allow-unregistered-dialect --mlir-print-op-generic %S/Inputs/kernels.mlir > %t.gen.mlir
// RUN: %sol-opt --allow-unregistered-dialect %t.gen.mlir | %mlir-opt --allow-unregistered-dialect --verify-each --mlir-print-op-generic > %t.back.mlir
// RUN: diff %t.gen.mlir %t.back.mlir
// Our own test inputs, including the ones written by hand in generic form:
// RUN: %sol-opt %S/../../examples/mlp.mlir | %mlir-opt --mlir-print-op-generic > %t.mlp.a
// RUN: %mlir-opt --mlir-print-op-generic %S/../../examples/mlp.mlir > %t.mlp.b
// RUN: diff %t.mlp.a %t.mlp.b
// RUN: %sol-opt %S/../dialects/scf.mlir | %mlir-opt --mlir-print-op-generic > %t.scf.a
// RUN: %mlir-opt --mlir-print-op-generic %S/../dialects/scf.mlir > %t.scf.b
// RUN: diff %t.scf.a %t.scf.b
// RUN: %sol-opt %S/../dialects/memref.mlir | %mlir-opt --mlir-print-op-generic > %t.memref.a
// RUN: %mlir-opt --mlir-print-op-generic %S/../dialects/memref.mlir > %t.memref.b
// RUN: diff %t.memref.a %t.memref.b
// RUN: %sol-opt %S/../dialects/vector.mlir | %mlir-opt --mlir-print-op-generic > %t.vector.a
// RUN: %mlir-opt --mlir-print-op-generic %S/../dialects/vector.mlir > %t.vector.b
// RUN: diff %t.vector.a %t.vector.b
// RUN: %sol-opt %S/../dialects/arith.mlir | %mlir-opt --mlir-print-op-generic > %t.arith.a
// RUN: %mlir-opt --mlir-print-op-generic %S/../dialects/arith.mlir > %t.arith.b
// RUN: diff %t.arith.a %t.arith.b
