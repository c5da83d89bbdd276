// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.reduce_sum over axis 1 of 2x3x4, keepdims defaulting to 1: the outer loops run over
// the kept shape (2x1x4), the inner reduction over the reduced one (1x3x1), one scf.for
// per dimension threading the f32 sum (from 0.0) through iter_args. The load takes the
// reduction's induction variable on the reduced axis and the outer ones elsewhere; the
// result keeps the reduced dimension, stored at the outer indices.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3x4xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x1x4xf32>
// CHECK-DAG: %[[UB0:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB0]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I0:.*]]: index):
// CHECK-DAG: %[[UB1:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB1]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I1:.*]]: index):
// CHECK-DAG: %[[UB2:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB2]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I2:.*]]: index):
// CHECK-DAG: %[[INIT:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK-DAG: %[[RB0:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[ACC:.*]] = "scf.for"(%{{.*}}, %[[RB0]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[K0:.*]]: index, %[[A0:.*]]: f32):
// CHECK-DAG: %[[RB1:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[R1:.*]] = "scf.for"(%{{.*}}, %[[RB1]], %{{.*}}, %[[A0]]) ({
// CHECK-NEXT: ^bb0(%[[K1:.*]]: index, %[[A1:.*]]: f32):
// CHECK-DAG: %[[RB2:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[R2:.*]] = "scf.for"(%{{.*}}, %[[RB2]], %{{.*}}, %[[A1]]) ({
// CHECK-NEXT: ^bb0(%[[K2:.*]]: index, %[[A2:.*]]: f32):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[I0]], %[[K1]], %[[I2]]) : (memref<2x3x4xf32>, index, index, index) -> f32
// CHECK: %[[NEXT:.*]] = "arith.addf"(%[[A2]], %[[V]]) : (f32, f32) -> f32
// CHECK: "scf.yield"(%[[NEXT]]) : (f32) -> ()
// CHECK: "scf.yield"(%[[R2]]) : (f32) -> ()
// CHECK: "scf.yield"(%[[R1]]) : (f32) -> ()
// CHECK-NOT: "arith.divf"
// CHECK: "memref.store"(%[[ACC]], %[[OUT]], %[[I0]], %[[I1]], %[[I2]]) : (f32, memref<2x1x4xf32>, index, index, index) -> ()
// CHECK: sym_name = "reduce_sum"
"func.func"() ({
^bb0(%x: tensor<2x3x4xf32>):
  %0 = "nn.reduce_sum"(%x) {axes = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  "func.return"(%0) : (tensor<2x1x4xf32>) -> ()
}) {function_type = (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>, sym_name = "reduce_sum"} : () -> ()

// Without axes every dimension is reduced; keepdims = 0 gives a rank-0 result, stored
// without indices.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<f32>
// CHECK-DAG: %[[UB0:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB0]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I0:.*]]: index):
// CHECK-DAG: %[[UB1:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB1]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I1:.*]]: index):
// CHECK-DAG: %[[INIT:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK-DAG: %[[RB0:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[ACC:.*]] = "scf.for"(%{{.*}}, %[[RB0]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[K0:.*]]: index, %[[A0:.*]]: f32):
// CHECK-DAG: %[[RB1:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[R1:.*]] = "scf.for"(%{{.*}}, %[[RB1]], %{{.*}}, %[[A0]]) ({
// CHECK-NEXT: ^bb0(%[[K1:.*]]: index, %[[A1:.*]]: f32):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[K0]], %[[K1]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK: %[[NEXT:.*]] = "arith.addf"(%[[A1]], %[[V]]) : (f32, f32) -> f32
// CHECK: "scf.yield"(%[[NEXT]]) : (f32) -> ()
// CHECK: "scf.yield"(%[[R1]]) : (f32) -> ()
// CHECK-NOT: "arith.divf"
// CHECK: "memref.store"(%[[ACC]], %[[OUT]]) : (f32, memref<f32>) -> ()
// CHECK: sym_name = "reduce_sum_all"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.reduce_sum"(%x) {keepdims = 0 : i64} : (tensor<2x3xf32>) -> tensor<f32>
  "func.return"(%0) : (tensor<f32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<f32>, sym_name = "reduce_sum_all"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3x4xf32>, memref<2x1x4xf32>) -> (), sym_name = "reduce_sum"
// EQUIV: function_type = (memref<2x3xf32>, memref<f32>) -> (), sym_name = "reduce_sum_all"
