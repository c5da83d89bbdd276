// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.lrn: for each element, a reduction over `size` channels c - (size - 1) / 2 + k (an
// scf.for with an f32 iter_arg from 0.0) sums the squares of the channels inside [0, C)
// (guarded, clamped address, select); then out = x / (bias + alpha / size * sum) ^ beta.
// Here size 3 (channels c - 1 .. c + 1 of 5), alpha 2e-4 (2e-4 / 3 per square), beta 0.5,
// bias 2.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x5x2xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x5x2xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[N:.*]]: index):
// CHECK-DAG: %[[UBC:.*]] = "arith.constant"() {value = 5 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBC]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[C:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[W:.*]]: index):
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK-DAG: %[[SIZE:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[SQ:.*]] = "scf.for"(%{{.*}}, %[[SIZE]], %{{.*}}, %[[ZERO]]) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index, %[[S:.*]]: f32):
// CHECK: %[[CK:.*]] = "arith.addi"(%[[C]], %[[K]])
// CHECK-DAG: %[[BEFORE:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[CH:.*]] = "arith.subi"(%[[CK]], %[[BEFORE]])
// CHECK: %[[GE:.*]] = "arith.cmpi"(%[[CH]], %{{.*}}) {predicate = 5 : i64}
// CHECK-DAG: %[[NC:.*]] = "arith.constant"() {value = 5 : index}
// CHECK: %[[LT:.*]] = "arith.cmpi"(%[[CH]], %[[NC]]) {predicate = 2 : i64}
// CHECK: %[[OK:.*]] = "arith.andi"(%[[GE]], %[[LT]])
// CHECK: %[[CMAX:.*]] = "arith.maxsi"(%[[CH]], %{{.*}})
// CHECK-DAG: %[[LAST:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: %[[CC:.*]] = "arith.minsi"(%[[CMAX]], %[[LAST]])
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[N]], %[[CC]], %[[W]])
// CHECK: %[[V2:.*]] = "arith.mulf"(%[[V]], %[[V]])
// CHECK: %[[ADD:.*]] = "arith.addf"(%[[S]], %[[V2]])
// CHECK: %[[NEXT:.*]] = "arith.select"(%[[OK]], %[[ADD]], %[[S]])
// CHECK: "scf.yield"(%[[NEXT]])
// CHECK-DAG: %[[BIAS:.*]] = "arith.constant"() {value = 2.000000e+00 : f32}
// CHECK-DAG: %[[ALPHA:.*]] = "arith.constant"() {value = 6.66666674E-5 : f32}
// CHECK: %[[AS:.*]] = "arith.mulf"(%[[SQ]], %[[ALPHA]])
// CHECK: %[[BASE:.*]] = "arith.addf"(%[[BIAS]], %[[AS]])
// CHECK-DAG: %[[BETA:.*]] = "arith.constant"() {value = 5.000000e-01 : f32}
// CHECK: %[[DEN:.*]] = "math.powf"(%[[BASE]], %[[BETA]])
// CHECK: %[[XV:.*]] = "memref.load"(%[[XM]], %[[N]], %[[C]], %[[W]])
// CHECK: %[[R:.*]] = "arith.divf"(%[[XV]], %[[DEN]])
// CHECK: "memref.store"(%[[R]], %[[OUT]], %[[N]], %[[C]], %[[W]])
// CHECK: sym_name = "lrn"
"func.func"() ({
^bb0(%x: tensor<1x5x2xf32>):
  %0 = "nn.lrn"(%x) {size = 3 : i64, alpha = 2.000000e-04 : f32, beta = 5.000000e-01 : f32, bias = 2.000000e+00 : f32} : (tensor<1x5x2xf32>) -> tensor<1x5x2xf32>
  "func.return"(%0) : (tensor<1x5x2xf32>) -> ()
}) {function_type = (tensor<1x5x2xf32>) -> tensor<1x5x2xf32>, sym_name = "lrn"} : () -> ()

// An even size (4) looks one channel back and two ahead (ONNX: floor((size - 1) / 2) before);
// the defaults are alpha 1e-4 (2.5e-5 per square), beta 0.75 and bias 1.
// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[SIZE:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[SIZE]], %{{.*}}, %{{.*}}) ({
// CHECK: "arith.addi"
// CHECK-DAG: %[[BEFORE:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "arith.subi"(%{{.*}}, %[[BEFORE]])
// CHECK-DAG: %[[BIAS:.*]] = "arith.constant"() {value = 1.000000e+00 : f32}
// CHECK-DAG: %[[ALPHA:.*]] = "arith.constant"() {value = 2.500000e-05 : f32}
// CHECK: %[[AS:.*]] = "arith.mulf"(%{{.*}}, %[[ALPHA]])
// CHECK: %[[BASE:.*]] = "arith.addf"(%[[BIAS]], %[[AS]])
// CHECK-DAG: %[[BETA:.*]] = "arith.constant"() {value = 7.500000e-01 : f32}
// CHECK: "math.powf"(%[[BASE]], %[[BETA]])
// CHECK: sym_name = "lrn_even_size_defaults"
"func.func"() ({
^bb0(%x: tensor<1x6x2x2xf32>):
  %0 = "nn.lrn"(%x) {size = 4 : i64} : (tensor<1x6x2x2xf32>) -> tensor<1x6x2x2xf32>
  "func.return"(%0) : (tensor<1x6x2x2xf32>) -> ()
}) {function_type = (tensor<1x6x2x2xf32>) -> tensor<1x6x2x2xf32>, sym_name = "lrn_even_size_defaults"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<1x5x2xf32>, memref<1x5x2xf32>) -> (), sym_name = "lrn"
// EQUIV: function_type = (memref<1x6x2x2xf32>, memref<1x6x2x2xf32>) -> (), sym_name = "lrn_even_size_defaults"
