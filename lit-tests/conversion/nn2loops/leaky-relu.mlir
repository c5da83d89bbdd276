// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.leaky_relu: x < 0 (cmpf olt, predicate 4) selects alpha * x, else x.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK: %[[NEG:.*]] = "arith.cmpf"(%[[V]], %[[ZERO]]) {predicate = 4 : i64} : (f32, f32) -> i1
// CHECK-DAG: %[[ALPHA:.*]] = "arith.constant"() {value = 1.000000e-01 : f32}
// CHECK: %[[SCALED:.*]] = "arith.mulf"(%[[V]], %[[ALPHA]])
// CHECK: %[[R:.*]] = "arith.select"(%[[NEG]], %[[SCALED]], %[[V]]) : (i1, f32, f32) -> f32
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: "bufferization.to_tensor"(%[[OUT]])
// CHECK: sym_name = "leaky_relu"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.leaky_relu"(%x) {alpha = 1.000000e-01 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "leaky_relu"} : () -> ()

// Without the attribute, alpha is ONNX's default 0.01.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]]) : (tensor<2x3xf32>) -> memref<2x3xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3xf32>
// CHECK-DAG: %[[UBI:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBI]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index):
// CHECK-DAG: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]]) : (memref<2x3xf32>, index, index) -> f32
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK: %[[NEG:.*]] = "arith.cmpf"(%[[V]], %[[ZERO]]) {predicate = 4 : i64} : (f32, f32) -> i1
// CHECK-DAG: %[[ALPHA:.*]] = "arith.constant"() {value = 0.00999999977 : f32}
// CHECK: %[[SCALED:.*]] = "arith.mulf"(%[[V]], %[[ALPHA]])
// CHECK: %[[R:.*]] = "arith.select"(%[[NEG]], %[[SCALED]], %[[V]]) : (i1, f32, f32) -> f32
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: "bufferization.to_tensor"(%[[OUT]])
// CHECK: sym_name = "leaky_relu_default"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.leaky_relu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "leaky_relu_default"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "leaky_relu"
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "leaky_relu_default"
