// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.conv_transpose as a gather: each output element starts at bias[oc] and reduces (an
// scf.for nest with an f32 iter_arg) over the input channels of its group and the kernel
// taps. Output position o takes input q = (o + pad - k * dilation) / stride (floordivsi)
// when that division is exact (q * stride == num, cmpi eq) and 0 <= q < input extent; the
// load reads the clamped q and select keeps the old sum otherwise.
// Here: 1-D, strides 2, pads [1, 0], dilations 2, 2 groups (4 input channels, 1 output
// channel per group) and output_padding 1 (the 9th output position gets only the bias).
// The weight (4x1x3) is read at [ic, oc % 1, k].
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x4x3xf32>, %[[W:.*]]: tensor<4x1x3xf32>, %[[B:.*]]: tensor<2xf32>):
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[WM:.*]] = "bufferization.to_memref"(%[[W]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x2x9xf32>
// CHECK-DAG: %[[UBN:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBN]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[N:.*]]: index):
// CHECK-DAG: %[[UBOC:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBOC]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[OC:.*]]: index):
// CHECK-DAG: %[[UBO:.*]] = "arith.constant"() {value = 9 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBO]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[O:.*]]: index):
// CHECK-DAG: %[[OCPG:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[G:.*]] = "arith.divui"(%[[OC]], %[[OCPG]])
// CHECK-DAG: %[[OCPG2:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[OCG:.*]] = "arith.remui"(%[[OC]], %[[OCPG2]])
// CHECK-DAG: %[[ICPG:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[ICBASE:.*]] = "arith.muli"(%[[G]], %[[ICPG]])
// CHECK: %[[INIT:.*]] = "memref.load"(%[[BM]], %[[OC]]) : (memref<2xf32>, index) -> f32
// CHECK-DAG: %[[UBIC:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[ACC:.*]] = "scf.for"(%{{.*}}, %[[UBIC]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[IC:.*]]: index, %[[S0:.*]]: f32):
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[INNER:.*]] = "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}, %[[S0]]) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index, %[[S:.*]]: f32):
// CHECK: %[[CH:.*]] = "arith.addi"(%[[ICBASE]], %[[IC]])
// CHECK-DAG: %[[PAD:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[OP:.*]] = "arith.addi"(%[[O]], %[[PAD]])
// CHECK-DAG: %[[DIL:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[KD:.*]] = "arith.muli"(%[[K]], %[[DIL]])
// CHECK: %[[NUM:.*]] = "arith.subi"(%[[OP]], %[[KD]])
// CHECK-DAG: %[[ST:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[Q:.*]] = "arith.floordivsi"(%[[NUM]], %[[ST]])
// CHECK-DAG: %[[ST2:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[QS:.*]] = "arith.muli"(%[[Q]], %[[ST2]])
// CHECK: %[[EXACT:.*]] = "arith.cmpi"(%[[QS]], %[[NUM]]) {predicate = 0 : i64}
// CHECK: %[[GE:.*]] = "arith.cmpi"(%[[Q]], %{{.*}}) {predicate = 5 : i64}
// CHECK-DAG: %[[LEN:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[LT:.*]] = "arith.cmpi"(%[[Q]], %[[LEN]]) {predicate = 2 : i64}
// CHECK: %[[RANGE:.*]] = "arith.andi"(%[[GE]], %[[LT]])
// CHECK: %[[OK:.*]] = "arith.andi"(%[[EXACT]], %[[RANGE]])
// CHECK: %[[QMAX:.*]] = "arith.maxsi"(%[[Q]], %{{.*}})
// CHECK-DAG: %[[LAST:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[QC:.*]] = "arith.minsi"(%[[QMAX]], %[[LAST]])
// CHECK: %[[XV:.*]] = "memref.load"(%[[XM]], %[[N]], %[[CH]], %[[QC]]) : (memref<1x4x3xf32>, index, index, index) -> f32
// CHECK: %[[WV:.*]] = "memref.load"(%[[WM]], %[[CH]], %[[OCG]], %[[K]]) : (memref<4x1x3xf32>, index, index, index) -> f32
// CHECK: %[[P:.*]] = "arith.mulf"(%[[XV]], %[[WV]])
// CHECK: %[[SUM:.*]] = "arith.addf"(%[[S]], %[[P]])
// CHECK: %[[NEXT:.*]] = "arith.select"(%[[OK]], %[[SUM]], %[[S]]) : (i1, f32, f32) -> f32
// CHECK: "scf.yield"(%[[NEXT]])
// CHECK: "scf.yield"(%[[INNER]])
// CHECK: "memref.store"(%[[ACC]], %[[OUT]], %[[N]], %[[OC]], %[[O]])
// CHECK: sym_name = "conv_transpose_1d"
"func.func"() ({
^bb0(%x: tensor<1x4x3xf32>, %w: tensor<4x1x3xf32>, %b: tensor<2xf32>):
  %0 = "nn.conv_transpose"(%x, %w, %b) {strides = array<i64: 2>, pads = array<i64: 1, 0>, dilations = array<i64: 2>, group = 2 : i64, output_padding = array<i64: 1>} : (tensor<1x4x3xf32>, tensor<4x1x3xf32>, tensor<2xf32>) -> tensor<1x2x9xf32>
  "func.return"(%0) : (tensor<1x2x9xf32>) -> ()
}) {function_type = (tensor<1x4x3xf32>, tensor<4x1x3xf32>, tensor<2xf32>) -> tensor<1x2x9xf32>, sym_name = "conv_transpose_1d"} : () -> ()

// 2-D with the defaults (stride 1, no padding, one group) and no bias: the sum starts at
// 0.0; the reduction nests input channels and both kernel dimensions, each spatial
// dimension adding its own exactness and range conditions; the weight (2x3x2x2) is read at
// [ic, oc, kh, kw].
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x2x2x2xf32>, %[[W:.*]]: tensor<2x3x2x2xf32>):
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[WM:.*]] = "bufferization.to_memref"(%[[W]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x3x3x3xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[N:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[OC:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[OH:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[OW:.*]]: index):
// CHECK: %[[OCG:.*]] = "arith.remui"(%[[OC]],
// CHECK: "arith.muli"
// CHECK-DAG: %[[INIT:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK-DAG: %[[UBIC:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[ACC:.*]] = "scf.for"(%{{.*}}, %[[UBIC]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[IC:.*]]: index, %{{.*}}: f32):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[KH:.*]]: index, %{{.*}}: f32):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[KW:.*]]: index, %[[S:.*]]: f32):
// CHECK: %[[CH:.*]] = "arith.addi"(%{{.*}}, %[[IC]])
// CHECK: "arith.floordivsi"
// CHECK: %[[QH:.*]] = "arith.minsi"
// CHECK: "arith.floordivsi"
// CHECK: %[[QW:.*]] = "arith.minsi"
// CHECK: %[[XV:.*]] = "memref.load"(%[[XM]], %[[N]], %[[CH]], %[[QH]], %[[QW]])
// CHECK: %[[WV:.*]] = "memref.load"(%[[WM]], %[[CH]], %[[OCG]], %[[KH]], %[[KW]]) : (memref<2x3x2x2xf32>, index, index, index, index) -> f32
// CHECK: %[[P:.*]] = "arith.mulf"(%[[XV]], %[[WV]])
// CHECK: %[[SUM:.*]] = "arith.addf"(%[[S]], %[[P]])
// CHECK: "arith.select"(%{{.*}}, %[[SUM]], %[[S]])
// CHECK: "memref.store"(%[[ACC]], %[[OUT]], %[[N]], %[[OC]], %[[OH]], %[[OW]])
// CHECK: sym_name = "conv_transpose_2d"
"func.func"() ({
^bb0(%x: tensor<1x2x2x2xf32>, %w: tensor<2x3x2x2xf32>):
  %0 = "nn.conv_transpose"(%x, %w) : (tensor<1x2x2x2xf32>, tensor<2x3x2x2xf32>) -> tensor<1x3x3x3xf32>
  "func.return"(%0) : (tensor<1x3x3x3xf32>) -> ()
}) {function_type = (tensor<1x2x2x2xf32>, tensor<2x3x2x2xf32>) -> tensor<1x3x3x3xf32>, sym_name = "conv_transpose_2d"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<1x4x3xf32>, memref<4x1x3xf32>, memref<2xf32>, memref<1x2x9xf32>) -> (), sym_name = "conv_transpose_1d"
// EQUIV: function_type = (memref<1x2x2x2xf32>, memref<2x3x2x2xf32>, memref<1x3x3x3xf32>) -> (), sym_name = "conv_transpose_2d"
