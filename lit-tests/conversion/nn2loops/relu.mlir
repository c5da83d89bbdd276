// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.relu: one scf.for per dimension over [0, extent) in steps of 1, loading and storing
// at the induction variables, max(x, 0) in between as x < 0 ? 0 : x (cmpf olt, select: NaN
// stays NaN, and x86 makes it one maxps where arith.maxf takes three instructions). The operand is read through
// bufferization.to_memref, the result is a 64-byte-aligned alloc handed back by to_tensor.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {alignment = 64 : i64, {{.*}}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[C0:.*]] = "arith.constant"() {value = 0 : index}
// CHECK-DAG: %[[C2:.*]] = "arith.constant"() {value = 2 : index}
// CHECK-DAG: %[[C1:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%[[C0]], %[[C2]], %[[C1]]) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[D0:.*]] = "arith.constant"() {value = 0 : index}
// CHECK-DAG: %[[C3:.*]] = "arith.constant"() {value = 3 : index}
// CHECK-DAG: %[[D1:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%[[D0]], %[[C3]], %[[D1]]) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK: %[[NEG:.*]] = "arith.cmpf"(%[[V]], %[[ZERO]]) {predicate = 4 : i64} : (f32, f32) -> i1
// CHECK: %[[R:.*]] = "arith.select"(%[[NEG]], %[[ZERO]], %[[V]])
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]])
// CHECK: %[[T:.*]] = "bufferization.to_tensor"(%[[OUT]]) : (memref<2x3xf32>) -> tensor<2x3xf32>
// CHECK: "func.return"(%[[T]])
// CHECK: sym_name = "relu"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.relu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "relu"} : () -> ()

// A rank-0 tensor has no loops at all.
// CHECK-LABEL: "func.func"
// CHECK-NOT: "scf.for"
// CHECK: %[[V:.*]] = "memref.load"(%{{.*}}) : (memref<f32>) -> f32
// CHECK: %[[NEG:.*]] = "arith.cmpf"(%[[V]], %[[ZERO:.*]]) {predicate = 4 : i64}
// CHECK: %[[R:.*]] = "arith.select"(%[[NEG]], %[[ZERO]], %[[V]])
// CHECK: "memref.store"(%[[R]], %{{.*}}) : (f32, memref<f32>) -> ()
// CHECK: sym_name = "relu_scalar"
"func.func"() ({
^bb0(%x: tensor<f32>):
  %0 = "nn.relu"(%x) : (tensor<f32>) -> tensor<f32>
  "func.return"(%0) : (tensor<f32>) -> ()
}) {function_type = (tensor<f32>) -> tensor<f32>, sym_name = "relu_scalar"} : () -> ()

// Interpreting before and after each pass on random inputs gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "relu"
// EQUIV: function_type = (memref<f32>, memref<f32>) -> (), sym_name = "relu_scalar"
