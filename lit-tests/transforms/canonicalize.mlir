// RUN: %sol-opt %s --split-input-file --canonicalize | FileCheck %s
// The same through the pipeline syntax and the -p shorthand:
// RUN: %sol-opt %s --split-input-file --pass-pipeline='builtin.module(canonicalize)' | FileCheck %s
// RUN: %sol-opt %s --split-input-file -p canonicalize | FileCheck %s

// Constants fold, x + 0 and x * 1 disappear, constants are uniqued and hoisted.
// CHECK: ^bb0(%arg0: i32, %arg1: f32):
// CHECK-NEXT: %0 = "arith.constant"() {value = 6 : i32} : () -> i32
// CHECK-NEXT: %1 = "arith.addi"(%arg0, %0) : (i32, i32) -> i32
// CHECK-NEXT: "func.return"(%1, %arg1) : (i32, f32) -> ()
// CHECK: sym_name = "fold"
"func.func"() ({
^bb0(%x: i32, %f: f32):
  %c0 = "arith.constant"() {value = 0 : i32} : () -> i32
  %c2 = "arith.constant"() {value = 2 : i32} : () -> i32
  %c3 = "arith.constant"() {value = 3 : i32} : () -> i32
  %one = "arith.constant"() {value = 1.0 : f32} : () -> f32
  %a = "arith.addi"(%x, %c0) : (i32, i32) -> i32
  %b = "arith.muli"(%c2, %c3) : (i32, i32) -> i32
  %c = "arith.addi"(%b, %a) : (i32, i32) -> i32
  %g = "arith.mulf"(%f, %one) : (f32, f32) -> f32
  %dead = "arith.mulf"(%f, %f) : (f32, f32) -> f32
  "func.return"(%c, %g) : (i32, f32) -> ()
}) {function_type = (i32, f32) -> (i32, f32), sym_name = "fold"} : () -> ()

// -----

// select of a constant condition, cmpi on equal operands.
// CHECK: "func.return"(%arg0, %arg1) : (f32, f32) -> ()
// CHECK: sym_name = "select"
"func.func"() ({
^bb0(%x: f32, %y: f32, %i: i32):
  %t = "arith.constant"() {value = true} : () -> i1
  %s = "arith.select"(%t, %x, %y) : (i1, f32, f32) -> f32
  %eq = "arith.cmpi"(%i, %i) {predicate = 0 : i64} : (i32, i32) -> i1
  %s2 = "arith.select"(%eq, %y, %x) : (i1, f32, f32) -> f32
  "func.return"(%s, %s2) : (f32, f32) -> ()
}) {function_type = (f32, f32, i32) -> (f32, f32), sym_name = "select"} : () -> ()

// -----

// scf.for with zero trips, scf.if on a constant, a dead alloc.
// CHECK-NOT: "scf.for"
// CHECK-NOT: "scf.if"
// CHECK-NOT: "memref.alloc"
// CHECK: %0 = "arith.addf"(%arg0, %arg0) : (f32, f32) -> f32
// CHECK-NEXT: "func.return"(%0) : (f32) -> ()
// CHECK: sym_name = "scf"
"func.func"() ({
^bb0(%f: f32):
  %c0 = "arith.constant"() {value = 0 : index} : () -> index
  %c1 = "arith.constant"() {value = 1 : index} : () -> index
  %t = "arith.constant"() {value = true} : () -> i1
  %m = "memref.alloc"() {operand_segment_sizes = array<i32: 0, 0>} : () -> memref<4xf32>
  "memref.store"(%f, %m, %c0) : (f32, memref<4xf32>, index) -> ()
  "memref.dealloc"(%m) : (memref<4xf32>) -> ()
  %z = "scf.for"(%c1, %c0, %c1, %f) ({
  ^bb0(%i: index, %acc: f32):
    %q = "arith.mulf"(%acc, %acc) : (f32, f32) -> f32
    "scf.yield"(%q) : (f32) -> ()
  }) : (index, index, index, f32) -> f32
  %y = "scf.if"(%t) ({
    %q = "arith.addf"(%z, %z) : (f32, f32) -> f32
    "scf.yield"(%q) : (f32) -> ()
  }, {
    "scf.yield"(%f) : (f32) -> ()
  }) : (i1) -> f32
  "func.return"(%y) : (f32) -> ()
}) {function_type = (f32) -> f32, sym_name = "scf"} : () -> ()

// -----

// A loop that runs exactly once becomes its body.
// CHECK-NOT: "scf.for"
// CHECK: "arith.mulf"(%arg0, %arg0)
// CHECK: sym_name = "once"
"func.func"() ({
^bb0(%f: f32):
  %c0 = "arith.constant"() {value = 0 : index} : () -> index
  %c1 = "arith.constant"() {value = 1 : index} : () -> index
  %z = "scf.for"(%c0, %c1, %c1, %f) ({
  ^bb0(%i: index, %acc: f32):
    %q = "arith.mulf"(%acc, %acc) : (f32, f32) -> f32
    "scf.yield"(%q) : (f32) -> ()
  }) : (index, index, index, f32) -> f32
  "func.return"(%z) : (f32) -> ()
}) {function_type = (f32) -> f32, sym_name = "once"} : () -> ()

// -----

// Dense constants fold elementwise; math functions fold.
// CHECK-DAG: "arith.constant"() {value = dense<[4.000000e+00, 6.000000e+00]> : tensor<2xf32>}
// CHECK-DAG: "arith.constant"() {value = 1.000000e+00 : f32}
// CHECK: sym_name = "dense"
"func.func"() ({
  %a = "arith.constant"() {value = dense<[1.0, 2.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %b = "arith.constant"() {value = dense<[3.0, 4.0]> : tensor<2xf32>} : () -> tensor<2xf32>
  %c = "arith.addf"(%a, %b) : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  %z = "arith.constant"() {value = 0.0 : f32} : () -> f32
  %e = "math.exp"(%z) : (f32) -> f32
  "func.return"(%c, %e) : (tensor<2xf32>, f32) -> ()
}) {function_type = () -> (tensor<2xf32>, f32), sym_name = "dense"} : () -> ()
