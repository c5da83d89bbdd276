// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.gelu without approximation: 0.5 * x * (1 + erf(x / sqrt(2))).
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
// CHECK: %[[HX:.*]] = "arith.mulf"(%[[V]], %[[HALF]])
// CHECK-DAG: %[[ONE:.*]] = "arith.constant"() {value = 1.000000e+00 : f32}
// CHECK-DAG: %[[RSQRT2:.*]] = "arith.constant"() {value = 0.707106769 : f32}
// CHECK: %[[SX:.*]] = "arith.mulf"(%[[V]], %[[RSQRT2]])
// CHECK: %[[ERF:.*]] = "math.erf"(%[[SX]])
// CHECK: %[[S:.*]] = "arith.addf"(%[[ONE]], %[[ERF]])
// CHECK: %[[R:.*]] = "arith.mulf"(%[[HX]], %[[S]])
// CHECK-NOT: "math.tanh"
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: "bufferization.to_tensor"(%[[OUT]])
// CHECK: sym_name = "gelu"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.gelu"(%x) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "gelu"} : () -> ()

// approximate = "tanh": 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))), no erf.
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
// CHECK: %[[HX:.*]] = "arith.mulf"(%[[V]], %[[HALF]])
// CHECK: %[[SQ:.*]] = "arith.mulf"(%[[V]], %[[V]])
// CHECK: %[[CUBE:.*]] = "arith.mulf"(%[[SQ]], %[[V]])
// CHECK-DAG: %[[K:.*]] = "arith.constant"() {value = 0.797884583 : f32}
// CHECK-DAG: %[[C:.*]] = "arith.constant"() {value = 4.471500e-02 : f32}
// CHECK: %[[CC:.*]] = "arith.mulf"(%[[CUBE]], %[[C]])
// CHECK: %[[IN:.*]] = "arith.addf"(%[[V]], %[[CC]])
// CHECK: %[[ARG:.*]] = "arith.mulf"(%[[K]], %[[IN]])
// CHECK-DAG: %[[ONE:.*]] = "arith.constant"() {value = 1.000000e+00 : f32}
// CHECK: %[[TH:.*]] = "math.tanh"(%[[ARG]])
// CHECK: %[[S:.*]] = "arith.addf"(%[[ONE]], %[[TH]])
// CHECK: %[[R:.*]] = "arith.mulf"(%[[HX]], %[[S]])
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[I]], %[[J]]) : (f32, memref<2x3xf32>, index, index) -> ()
// CHECK: "bufferization.to_tensor"(%[[OUT]])
// CHECK: sym_name = "gelu_tanh"
"func.func"() ({
^bb0(%x: tensor<2x3xf32>):
  %0 = "nn.gelu"(%x) {approximate = "tanh"} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  "func.return"(%0) : (tensor<2x3xf32>) -> ()
}) {function_type = (tensor<2x3xf32>) -> tensor<2x3xf32>, sym_name = "gelu_tanh"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "gelu"
// EQUIV: function_type = (memref<2x3xf32>, memref<2x3xf32>) -> (), sym_name = "gelu_tanh"
