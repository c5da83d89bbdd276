// Strings with characters beyond ASCII, inside and outside the Basic Multilingual Plane, print as
// mlir-opt-16 prints them (each UTF-8 byte escaped), whether read raw or escaped.
// REQUIRES: mlir-opt-16
// RUN: %mlir-opt --allow-unregistered-dialect --mlir-print-op-generic %s > %t.gen.mlir
// RUN: %sol-opt --allow-unregistered-dialect %s > %t.raw.mlir
// RUN: diff %t.gen.mlir %t.raw.mlir
// RUN: %sol-opt --allow-unregistered-dialect %t.gen.mlir > %t.sol.mlir
// RUN: diff %t.gen.mlir %t.sol.mlir
// RUN: FileCheck %s < %t.sol.mlir

// CHECK: s = "caf\C3\A9 \E2\82\AC \F0\9F\98\80 ok"
// CHECK: t = "\F0\9F\98\80"
"test.op"() {s = "café € 😀 ok"} : () -> ()
"test.op"() {t = "😀"} : () -> ()
