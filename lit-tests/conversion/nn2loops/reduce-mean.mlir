// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.reduce_mean over axes 0 and -1 (the last) of 2x3x4 with keepdims = 0: a sum as in
// reduce_sum, then divided by the number of reduced elements (2 * 4 = 8); the result 3
// is stored at the one kept index.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3x4xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<3xf32>
// CHECK-DAG: %[[UB0:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB0]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I0:.*]]: index):
// CHECK-DAG: %[[UB1:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB1]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I1:.*]]: index):
// CHECK-DAG: %[[UB2:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB2]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I2:.*]]: index):
// CHECK-DAG: %[[INIT:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK-DAG: %[[RB0:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[ACC:.*]] = "scf.for"(%{{.*}}, %[[RB0]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[K0:.*]]: index, %[[A0:.*]]: f32):
// CHECK-DAG: %[[RB1:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[R1:.*]] = "scf.for"(%{{.*}}, %[[RB1]], %{{.*}}, %[[A0]]) ({
// CHECK-NEXT: ^bb0(%[[K1:.*]]: index, %[[A1:.*]]: f32):
// CHECK-DAG: %[[RB2:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: %[[R2:.*]] = "scf.for"(%{{.*}}, %[[RB2]], %{{.*}}, %[[A1]]) ({
// CHECK-NEXT: ^bb0(%[[K2:.*]]: index, %[[A2:.*]]: f32):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[K0]], %[[I1]], %[[K2]]) : (memref<2x3x4xf32>, index, index, index) -> f32
// CHECK: %[[NEXT:.*]] = "arith.addf"(%[[A2]], %[[V]]) : (f32, f32) -> f32
// CHECK: "scf.yield"(%[[NEXT]]) : (f32) -> ()
// CHECK: "scf.yield"(%[[R2]]) : (f32) -> ()
// CHECK: "scf.yield"(%[[R1]]) : (f32) -> ()
// CHECK-DAG: %[[COUNT:.*]] = "arith.constant"() {value = 8.000000e+00 : f32}
// CHECK: %[[MEAN:.*]] = "arith.divf"(%[[ACC]], %[[COUNT]])
// CHECK: "memref.store"(%[[MEAN]], %[[OUT]], %[[I1]]) : (f32, memref<3xf32>, index) -> ()
// CHECK: sym_name = "reduce_mean"
"func.func"() ({
^bb0(%x: tensor<2x3x4xf32>):
  %0 = "nn.reduce_mean"(%x) {axes = array<i64: 0, -1>, keepdims = 0 : i64} : (tensor<2x3x4xf32>) -> tensor<3xf32>
  "func.return"(%0) : (tensor<3xf32>) -> ()
}) {function_type = (tensor<2x3x4xf32>) -> tensor<3xf32>, sym_name = "reduce_mean"} : () -> ()

// keepdims = 1 keeps the reduced dimension (extent 1) in the store.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x5xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x1xf32>
// CHECK-DAG: %[[UB0:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB0]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I0:.*]]: index):
// CHECK-DAG: %[[UB1:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB1]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I1:.*]]: index):
// CHECK-DAG: %[[INIT:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK-DAG: %[[RB0:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[ACC:.*]] = "scf.for"(%{{.*}}, %[[RB0]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[K0:.*]]: index, %[[A0:.*]]: f32):
// CHECK-DAG: %[[RB1:.*]] = "arith.constant"() {value = 5 : index}
// CHECK: %[[R1:.*]] = "scf.for"(%{{.*}}, %[[RB1]], %{{.*}}, %[[A0]]) ({
// CHECK-NEXT: ^bb0(%[[K1:.*]]: index, %[[A1:.*]]: f32):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[I0]], %[[K1]]) : (memref<2x5xf32>, index, index) -> f32
// CHECK: %[[NEXT:.*]] = "arith.addf"(%[[A1]], %[[V]]) : (f32, f32) -> f32
// CHECK: "scf.yield"(%[[NEXT]]) : (f32) -> ()
// CHECK: "scf.yield"(%[[R1]]) : (f32) -> ()
// CHECK-DAG: %[[COUNT:.*]] = "arith.constant"() {value = 5.000000e+00 : f32}
// CHECK: %[[MEAN:.*]] = "arith.divf"(%[[ACC]], %[[COUNT]])
// CHECK: "memref.store"(%[[MEAN]], %[[OUT]], %[[I0]], %[[I1]]) : (f32, memref<2x1xf32>, index, index) -> ()
// CHECK: sym_name = "reduce_mean_keepdims"
"func.func"() ({
^bb0(%x: tensor<2x5xf32>):
  %0 = "nn.reduce_mean"(%x) {axes = array<i64: 1>, keepdims = 1 : i64} : (tensor<2x5xf32>) -> tensor<2x1xf32>
  "func.return"(%0) : (tensor<2x1xf32>) -> ()
}) {function_type = (tensor<2x5xf32>) -> tensor<2x1xf32>, sym_name = "reduce_mean_keepdims"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3x4xf32>, memref<3xf32>) -> (), sym_name = "reduce_mean"
// EQUIV: function_type = (memref<2x5xf32>, memref<2x1xf32>) -> (), sym_name = "reduce_mean_keepdims"
