// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.layer_norm with axis 1 over 2x3x4: the outer loops run over the statistics' shape
// (2x1x1); per outer element one reduction sums x over the normalized 3x4 block and divides
// by 12 (the mean), a second sums (x - mean)^2, and inv = rsqrt(var / 12 + epsilon); a loop
// nest over the block then stores (x - mean) * inv * scale + bias, scale (4) and bias (3x4)
// broadcast against the block; mean and inv_std_dev go to the second and third results.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x3x4xf32>, %[[S:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<3x4xf32>):
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[SM:.*]] = "bufferization.to_memref"(%[[S]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK-DAG: %[[Y:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x3x4xf32>
// CHECK: %[[MEANOUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x1x1xf32>
// CHECK: %[[INVOUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x1x1xf32>
// CHECK-DAG: %[[UB0:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB0]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK-DAG: %[[UB1:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB1]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I1:.*]]: index):
// CHECK-DAG: %[[UB2:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB2]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[I2:.*]]: index):
// CHECK-DAG: %[[Z:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK-DAG: %[[UBJ:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[SUM:.*]] = "scf.for"(%{{.*}}, %[[UBJ]], %{{.*}}, %[[Z]]) ({
// CHECK-NEXT: ^bb0(%[[J:.*]]: index, %{{.*}}: f32):
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}, %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index, %[[A:.*]]: f32):
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J]], %[[K]])
// CHECK: %[[NA:.*]] = "arith.addf"(%[[A]], %[[V]])
// CHECK: "scf.yield"(%[[NA]])
// CHECK-DAG: %[[N:.*]] = "arith.constant"() {value = 1.200000e+01 : f32}
// CHECK: %[[MEAN:.*]] = "arith.divf"(%[[SUM]], %[[N]])
// CHECK: %[[SQ:.*]] = "scf.for"
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[K2:.*]]: index, %[[A2:.*]]: f32):
// CHECK: %[[V2:.*]] = "memref.load"(%[[XM]], %[[I]], %{{.*}}, %[[K2]])
// CHECK: %[[D:.*]] = "arith.subf"(%[[V2]], %[[MEAN]])
// CHECK: %[[D2:.*]] = "arith.mulf"(%[[D]], %[[D]])
// CHECK: %[[NA2:.*]] = "arith.addf"(%[[A2]], %[[D2]])
// CHECK: "scf.yield"(%[[NA2]])
// CHECK-DAG: %[[N2:.*]] = "arith.constant"() {value = 1.200000e+01 : f32}
// CHECK: %[[VAR:.*]] = "arith.divf"(%[[SQ]], %[[N2]])
// CHECK-DAG: %[[EPS:.*]] = "arith.constant"() {value = 1.000000e-03 : f32}
// CHECK: %[[VE:.*]] = "arith.addf"(%[[VAR]], %[[EPS]])
// CHECK: %[[INV:.*]] = "math.rsqrt"(%[[VE]])
// CHECK-DAG: %[[UBJ3:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBJ3]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[J3:.*]]: index):
// CHECK-DAG: %[[UBK3:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBK3]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[K3:.*]]: index):
// CHECK: %[[V3:.*]] = "memref.load"(%[[XM]], %[[I]], %[[J3]], %[[K3]])
// CHECK: %[[D3:.*]] = "arith.subf"(%[[V3]], %[[MEAN]])
// CHECK: %[[NORM:.*]] = "arith.mulf"(%[[D3]], %[[INV]])
// CHECK: %[[SC:.*]] = "memref.load"(%[[SM]], %[[K3]]) : (memref<4xf32>, index) -> f32
// CHECK: %[[SCALED:.*]] = "arith.mulf"(%[[NORM]], %[[SC]])
// CHECK: %[[BI:.*]] = "memref.load"(%[[BM]], %[[J3]], %[[K3]]) : (memref<3x4xf32>, index, index) -> f32
// CHECK: %[[R:.*]] = "arith.addf"(%[[SCALED]], %[[BI]])
// CHECK: "memref.store"(%[[R]], %[[Y]], %[[I]], %[[J3]], %[[K3]])
// CHECK: "memref.store"(%[[MEAN]], %[[MEANOUT]], %[[I]], %[[I1]], %[[I2]])
// CHECK: "memref.store"(%[[INV]], %[[INVOUT]], %[[I]], %[[I1]], %[[I2]])
// CHECK: sym_name = "layer_norm"
"func.func"() ({
^bb0(%x: tensor<2x3x4xf32>, %s: tensor<4xf32>, %b: tensor<3x4xf32>):
  %0:3 = "nn.layer_norm"(%x, %s, %b) {axis = 1 : i64, epsilon = 1.000000e-03 : f32} : (tensor<2x3x4xf32>, tensor<4xf32>, tensor<3x4xf32>) -> (tensor<2x3x4xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>)
  "func.return"(%0#0, %0#1, %0#2) : (tensor<2x3x4xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>) -> ()
}) {function_type = (tensor<2x3x4xf32>, tensor<4xf32>, tensor<3x4xf32>) -> (tensor<2x3x4xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>), sym_name = "layer_norm"} : () -> ()

// The last axis of an f64 tensor, without bias, with the default epsilon 1e-5: mean and
// inv_std_dev are f32 results, stored through truncf; no bias load or add.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<3x4xf64>, %[[S:.*]]: tensor<4xf64>):
// CHECK-DAG: %[[SM:.*]] = "bufferization.to_memref"(%[[S]])
// CHECK-DAG: %[[Y:.*]] = "memref.alloc"() {{.*}} : () -> memref<3x4xf64>
// CHECK: %[[MEANOUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<3x1xf32>
// CHECK: %[[INVOUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<3x1xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[I1:.*]]: index):
// CHECK-DAG: %[[N:.*]] = "arith.constant"() {value = 4.000000e+00 : f64}
// CHECK: %[[MEAN:.*]] = "arith.divf"(%{{.*}}, %[[N]]) : (f64, f64) -> f64
// CHECK-DAG: %[[EPS:.*]] = "arith.constant"() {value = 1.000000e-05 : f64}
// CHECK: %[[VE:.*]] = "arith.addf"(%{{.*}}, %[[EPS]])
// CHECK: %[[INV:.*]] = "math.rsqrt"(%[[VE]]) : (f64) -> f64
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[K:.*]]: index):
// CHECK: %[[SC:.*]] = "memref.load"(%[[SM]], %[[K]])
// CHECK-NEXT: %[[R:.*]] = "arith.mulf"(%{{.*}}, %[[SC]])
// CHECK-NEXT: "memref.store"(%[[R]], %[[Y]], %[[I]], %[[K]])
// CHECK: %[[M32:.*]] = "arith.truncf"(%[[MEAN]]) : (f64) -> f32
// CHECK: "memref.store"(%[[M32]], %[[MEANOUT]], %[[I]], %[[I1]])
// CHECK: %[[I32:.*]] = "arith.truncf"(%[[INV]]) : (f64) -> f32
// CHECK: "memref.store"(%[[I32]], %[[INVOUT]], %[[I]], %[[I1]])
// CHECK: sym_name = "layer_norm_f64_no_bias"
"func.func"() ({
^bb0(%x: tensor<3x4xf64>, %s: tensor<4xf64>):
  %0:3 = "nn.layer_norm"(%x, %s) {axis = 1 : i64} : (tensor<3x4xf64>, tensor<4xf64>) -> (tensor<3x4xf64>, tensor<3x1xf32>, tensor<3x1xf32>)
  "func.return"(%0#0, %0#1, %0#2) : (tensor<3x4xf64>, tensor<3x1xf32>, tensor<3x1xf32>) -> ()
}) {function_type = (tensor<3x4xf64>, tensor<4xf64>) -> (tensor<3x4xf64>, tensor<3x1xf32>, tensor<3x1xf32>), sym_name = "layer_norm_f64_no_bias"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<2x3x4xf32>, memref<4xf32>, memref<3x4xf32>, memref<2x3x4xf32>, memref<2x1x1xf32>, memref<2x1x1xf32>) -> (), sym_name = "layer_norm"
// EQUIV: function_type = (memref<3x4xf64>, memref<4xf64>, memref<3x4xf64>, memref<3x1xf32>, memref<3x1xf32>) -> (), sym_name = "layer_norm_f64_no_bias"
