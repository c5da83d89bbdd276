// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.hard_sigmoid: max(0, min(1, alpha * x + beta)) with the given alpha and beta.
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
// CHECK-DAG: %[[ALPHA:.*]] = "arith.constant"() {value = 2.500000e-01 : f32}
// CHECK: %[[AX:.*]] = "arith.mulf"(%[[V]], %[[ALPHA]])
// CHECK-DAG: %[[BETA:.*]] = "arith.constant"() {value = 4.000000e-01 : f32}
// CHECK: %[[LIN:.*]] = "arith.addf"(%[[AX]], %[[BETA]])
// CHECK-DAG: %[[ONE:.*]] = "arith.constant"() {value = 1.000000e+00 : f32}
// CHECK: %[[ABOVE:.*]] = "arith.cmpf"(%[[LIN]], %[[ONE]]) {predicate = 2 : i64}
// CHECK: %[[UP:.*]] = "arith.select"(%[[ABOVE]], %[[ONE]], %[[LIN]])
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK: %[[BELOW:.*]] = "arith.cmpf"(%[[UP]], %[[ZERO]]) {predicate = 4 : i64}
// CHECK: %[[R:.*]] = "arith.select"(%[[BELOW]], %[[ZERO]], %[[UP]])
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: "bufferization.to_tensor"(%[[OUT]])
// CHECK: sym_name = "hard_sigmoid"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.hard_sigmoid"(%x) {alpha = 2.500000e-01 : f32, beta = 4.000000e-01 : f32} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "hard_sigmoid"} : () -> ()

// ONNX's defaults: alpha 0.2, beta 0.5.
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
// CHECK-DAG: %[[ALPHA:.*]] = "arith.constant"() {value = 2.000000e-01 : f32}
// CHECK: %[[AX:.*]] = "arith.mulf"(%[[V]], %[[ALPHA]])
// CHECK-DAG: %[[BETA:.*]] = "arith.constant"() {value = 5.000000e-01 : f32}
// CHECK: %[[LIN:.*]] = "arith.addf"(%[[AX]], %[[BETA]])
// CHECK-DAG: %[[ONE:.*]] = "arith.constant"() {value = 1.000000e+00 : f32}
// CHECK: %[[ABOVE:.*]] = "arith.cmpf"(%[[LIN]], %[[ONE]]) {predicate = 2 : i64}
// CHECK: %[[UP:.*]] = "arith.select"(%[[ABOVE]], %[[ONE]], %[[LIN]])
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK: %[[BELOW:.*]] = "arith.cmpf"(%[[UP]], %[[ZERO]]) {predicate = 4 : i64}
// CHECK: %[[R:.*]] = "arith.select"(%[[BELOW]], %[[ZERO]], %[[UP]])
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: "bufferization.to_tensor"(%[[OUT]])
// CHECK: sym_name = "hard_sigmoid_default"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.hard_sigmoid"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "hard_sigmoid_default"} : () -> ()

// nn.hard_swish: x * hard_sigmoid(x) with alpha 1/6 and beta 0.5.
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
// CHECK-DAG: %[[ALPHA:.*]] = "arith.constant"() {value = 0.166666672 : f32}
// CHECK: %[[AX:.*]] = "arith.mulf"(%[[V]], %[[ALPHA]])
// CHECK-DAG: %[[BETA:.*]] = "arith.constant"() {value = 5.000000e-01 : f32}
// CHECK: %[[LIN:.*]] = "arith.addf"(%[[AX]], %[[BETA]])
// CHECK-DAG: %[[ONE:.*]] = "arith.constant"() {value = 1.000000e+00 : f32}
// CHECK: %[[ABOVE:.*]] = "arith.cmpf"(%[[LIN]], %[[ONE]]) {predicate = 2 : i64}
// CHECK: %[[UP:.*]] = "arith.select"(%[[ABOVE]], %[[ONE]], %[[LIN]])
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK: %[[BELOW:.*]] = "arith.cmpf"(%[[UP]], %[[ZERO]]) {predicate = 4 : i64}
// CHECK: %[[HSIG:.*]] = "arith.select"(%[[BELOW]], %[[ZERO]], %[[UP]])

// CHECK: %[[R:.*]] = "arith.mulf"(%[[V]], %[[HSIG]])
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: "bufferization.to_tensor"(%[[OUT]])
// CHECK: sym_name = "hard_swish"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.hard_swish"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "hard_swish"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "hard_sigmoid"
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "hard_sigmoid_default"
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "hard_swish"
