// What mlir-opt-16 prints in generic form, sol-opt parses and prints back byte for byte.
// REQUIRES: mlir-opt-16
// RUN: %mlir-opt --allow-unregistered-dialect --mlir-print-op-generic %S/Inputs/kernels.mlir > %t.gen.mlir
// RUN: %sol-opt --allow-unregistered-dialect %t.gen.mlir > %t.sol.mlir
// RUN: diff %t.gen.mlir %t.sol.mlir
// With locations:
// RUN: %mlir-opt --allow-unregistered-dialect --mlir-print-op-generic --mlir-print-debuginfo %S/Inputs/kernels.mlir > %t.loc.mlir
// RUN: %sol-opt --allow-unregistered-dialect --mlir-print-debuginfo %t.loc.mlir > %t.loc.sol.mlir
// RUN: diff %t.loc.mlir %t.loc.sol.mlir
// Large weights arrive as hex blobs and keep every bit:
// RUN: %mlir-opt --mlir-print-op-generic %S/Inputs/weights.mlir > %t.w.mlir
// RUN: %sol-opt %t.w.mlir > %t.w.sol.mlir
// RUN: diff %t.w.mlir %t.w.sol.mlir
// RUN: FileCheck %s < %t.w.sol.mlir
// CHECK: initial_value = dense<"0x
// Ops beyond the core set are registered too, so real MLIR files verify without flags:
// RUN: %mlir-opt --mlir-print-op-generic %S/Inputs/more-ops.mlir > %t.more.mlir
// RUN: %sol-opt %t.more.mlir > %t.more.sol.mlir
// RUN: diff %t.more.mlir %t.more.sol.mlir
