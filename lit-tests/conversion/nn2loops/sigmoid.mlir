// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.sigmoid: 1/2 + tanh(x/2)/2 (equal to 1 / (1 + exp(-x)); the inlined tanh is the cheaper).
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
// CHECK-DAG: %[[HALF:.*]] = "arith.constant"() {value = 5.000000e-01 : f32}
// CHECK: %[[H:.*]] = "arith.mulf"(%[[V]], %[[HALF]])
// CHECK: %[[T:.*]] = "math.tanh"(%[[H]])
// CHECK: %[[S:.*]] = "arith.mulf"(%[[T]], %[[HALF]])
// CHECK: %[[R:.*]] = "arith.addf"(%[[S]], %[[HALF]])
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: "bufferization.to_tensor"(%[[OUT]])
// CHECK: sym_name = "sigmoid"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.sigmoid"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "sigmoid"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "sigmoid"
