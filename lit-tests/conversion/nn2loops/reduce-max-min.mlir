// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.reduce_max starts from -inf and combines as x > y ? x : y, or x + y (NaN) where unordered.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2xf32>
// CHECK-DAG: %[[UB0:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB0]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I0:.*]]: index):
// CHECK-DAG: %[[UB1:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB1]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I1:.*]]: index):
// CHECK-DAG: %[[INIT:.*]] = "arith.constant"() {value = 0xFF800000 : f32}
// CHECK-DAG: %[[RB0:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[ACC:.*]] = "scf.for"(%{{.*}}, %[[RB0]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[K0:.*]]: index, %[[A0:.*]]: f32):
// CHECK-DAG: %[[RB1:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[R1:.*]] = "scf.for"(%{{.*}}, %[[RB1]], %{{.*}}, %[[A0]]) ({
// CHECK-NEXT: ^bb0(%[[K1:.*]]: index, %[[A1:.*]]: f32):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[I0]], %[[K1]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK: "arith.cmpf"(%[[A1]], %[[V]]) {predicate = 2 : i64}
// CHECK: "arith.cmpf"(%[[A1]], %[[V]]) {predicate = 14 : i64}
// CHECK: %[[NEXT:.*]] = "arith.select"
// CHECK: "scf.yield"(%[[NEXT]]) : (f32) -> ()
// CHECK: "scf.yield"(%[[R1]]) : (f32) -> ()
// CHECK-NOT: "arith.divf"
// CHECK: "memref.store"(%[[ACC]], %[[OUT]], %[[I0]]) : (f32, memref<2xf32>, index) -> ()
// CHECK: sym_name = "reduce_max"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.reduce_max"(%x) {axes = array<i64: 1>, keepdims = 0 : i64} : (tensor<2x3xf32>) -> tensor<2xf32>
  "func.return"(%0) : (tensor<2xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2xf32>, sym_name = "reduce_max"} : () -> ()

// nn.reduce_min starts from +inf and combines with minf (keepdims defaults to 1).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x3xf32>
// CHECK-DAG: %[[UB0:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB0]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I0:.*]]: index):
// CHECK-DAG: %[[UB1:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB1]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I1:.*]]: index):
// CHECK-DAG: %[[INIT:.*]] = "arith.constant"() {value = 0x7F800000 : f32}
// CHECK-DAG: %[[RB0:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[ACC:.*]] = "scf.for"(%{{.*}}, %[[RB0]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[K0:.*]]: index, %[[A0:.*]]: f32):
// CHECK-DAG: %[[RB1:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[R1:.*]] = "scf.for"(%{{.*}}, %[[RB1]], %{{.*}}, %[[A0]]) ({
// CHECK-NEXT: ^bb0(%[[K1:.*]]: index, %[[A1:.*]]: f32):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[K0]], %[[I1]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK: %[[NEXT:.*]] = "arith.minf"(%[[A1]], %[[V]]) : (f32, f32) -> f32
// CHECK: "scf.yield"(%[[NEXT]]) : (f32) -> ()
// CHECK: "scf.yield"(%[[R1]]) : (f32) -> ()
// CHECK-NOT: "arith.divf"
// CHECK: "memref.store"(%[[ACC]], %[[OUT]], %[[I0]], %[[I1]]) : (f32, memref<1x3xf32>, index, index) -> ()
// CHECK: sym_name = "reduce_min"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.reduce_min"(%x) {axes = array<i64: 0>} : (tensor<2x3xf32>) -> tensor<1x3xf32>
  "func.return"(%0) : (tensor<1x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<1x3xf32>, sym_name = "reduce_min"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<2xf32>) -> (), sym_name = "reduce_max"
// EQUIV: function_type = (memref<2x3xf32>, memref<1x3xf32>) -> (), sym_name = "reduce_min"
