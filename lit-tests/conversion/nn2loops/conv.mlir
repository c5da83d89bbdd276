// RUN: %sol-opt %s -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.conv, 2-D, padded by 1 on every side, with bias. First a loop nest over the whole
// output stores bias[oc]. Then the accumulation: batch, output channel and output row
// (all spatial dimensions but the last); inside, input channel and kernel taps; one weight
// load per tap; innermost, the output row. The input position per spatial dimension is
// o * stride + k * dilation - pad; 0 <= pos < extent guards it (cmpi sge/slt), the load
// reads the clamped (maxsi/minsi) address and select zeroes the product outside.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x2x5x5xf32>, %[[W:.*]]: tensor<4x2x3x3xf32>, %[[B:.*]]: tensor<4xf32>):
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[WM:.*]] = "bufferization.to_memref"(%[[W]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x4x5x5xf32>
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[OC0:.*]]: index):
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: %[[BIAS:.*]] = "memref.load"(%[[BM]], %[[OC0]]) : (memref<4xf32>, index) -> f32
// CHECK-NEXT: "memref.store"(%[[BIAS]], %[[OUT]], %{{.*}}, %[[OC0]], %{{.*}}, %{{.*}})
// CHECK-DAG: %[[UBN:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBN]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[N:.*]]: index):
// CHECK-DAG: %[[UBOC:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBOC]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[OC:.*]]: index):
// CHECK-DAG: %[[UBOH:.*]] = "arith.constant"() {value = 5 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBOH]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[OH:.*]]: index):
// CHECK-DAG: %[[OCPG:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: %[[G:.*]] = "arith.divui"(%[[OC]], %[[OCPG]])
// CHECK-DAG: %[[ICPG:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[ICBASE:.*]] = "arith.muli"(%[[G]], %[[ICPG]])
// CHECK-DAG: %[[UBIC:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBIC]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[IC:.*]]: index):
// CHECK-DAG: %[[UBKH:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBKH]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[KH:.*]]: index):
// CHECK-DAG: %[[UBKW:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBKW]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[KW:.*]]: index):
// CHECK-DAG: %[[CH:.*]] = "arith.addi"(%[[ICBASE]], %[[IC]])
// CHECK-DAG: %[[WV:.*]] = "memref.load"(%[[WM]], %[[OC]], %[[IC]], %[[KH]], %[[KW]]) : (memref<4x2x3x3xf32>, index, index, index, index) -> f32
// CHECK-DAG: %[[UBOW:.*]] = "arith.constant"() {value = 5 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBOW]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[OW:.*]]: index):
// CHECK-DAG: %[[SH:.*]] = "arith.constant"() {value = 1 : index}
// CHECK-DAG: %[[OHS:.*]] = "arith.muli"(%[[OH]], %[[SH]])
// CHECK-DAG: %[[DH:.*]] = "arith.constant"() {value = 1 : index}
// CHECK-DAG: %[[KHD:.*]] = "arith.muli"(%[[KH]], %[[DH]])
// CHECK: %[[H0:.*]] = "arith.addi"(%[[OHS]], %[[KHD]])
// CHECK-DAG: %[[PH:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[H:.*]] = "arith.subi"(%[[H0]], %[[PH]])
// CHECK: %[[HGE:.*]] = "arith.cmpi"(%[[H]], %{{.*}}) {predicate = 5 : i64}
// CHECK-DAG: %[[XH:.*]] = "arith.constant"() {value = 5 : index}
// CHECK: %[[HLT:.*]] = "arith.cmpi"(%[[H]], %[[XH]]) {predicate = 2 : i64}
// CHECK: %[[HIN:.*]] = "arith.andi"(%[[HGE]], %[[HLT]])
// CHECK: %[[HMAX:.*]] = "arith.maxsi"(%[[H]], %{{.*}})
// CHECK-DAG: %[[XH1:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: %[[HC:.*]] = "arith.minsi"(%[[HMAX]], %[[XH1]])
// CHECK-DAG: %[[OWS:.*]] = "arith.muli"(%[[OW]], %{{.*}})
// CHECK-DAG: %[[KWD:.*]] = "arith.muli"(%[[KW]], %{{.*}})
// CHECK: %[[W0:.*]] = "arith.addi"(%[[OWS]], %[[KWD]])
// CHECK: %[[WP:.*]] = "arith.subi"(%[[W0]], %{{.*}})
// CHECK: "arith.cmpi"(%[[WP]], %{{.*}}) {predicate = 5 : i64}
// CHECK: "arith.cmpi"(%[[WP]], %{{.*}}) {predicate = 2 : i64}
// CHECK: %[[WIN:.*]] = "arith.andi"
// CHECK: %[[IN:.*]] = "arith.andi"(%[[HIN]], %[[WIN]])
// CHECK: %[[WMAX:.*]] = "arith.maxsi"(%[[WP]], %{{.*}})
// CHECK: %[[WC:.*]] = "arith.minsi"(%[[WMAX]], %{{.*}})
// CHECK: %[[XV:.*]] = "memref.load"(%[[XM]], %[[N]], %[[CH]], %[[HC]], %[[WC]]) : (memref<1x2x5x5xf32>, index, index, index, index) -> f32
// CHECK: %[[P:.*]] = "arith.mulf"(%[[XV]], %[[WV]])
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK: %[[PZ:.*]] = "arith.select"(%[[IN]], %[[P]], %[[ZERO]])
// CHECK: %[[O:.*]] = "memref.load"(%[[OUT]], %[[N]], %[[OC]], %[[OH]], %[[OW]])
// CHECK: %[[S:.*]] = "arith.addf"(%[[O]], %[[PZ]])
// CHECK: "memref.store"(%[[S]], %[[OUT]], %[[N]], %[[OC]], %[[OH]], %[[OW]])
// CHECK: sym_name = "conv_padded"
"func.func"() ({
^bb0(%x: tensor<1x2x5x5xf32>, %w: tensor<4x2x3x3xf32>, %b: tensor<4xf32>):
  %0 = "nn.conv"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x5xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<1x4x5x5xf32>
  "func.return"(%0) : (tensor<1x4x5x5xf32>) -> ()
}) {function_type = (tensor<1x2x5x5xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<1x4x5x5xf32>, sym_name = "conv_padded"} : () -> ()

// Strides [2, 2], dilations [2, 1] and two groups, no bias, no padding: the output starts
// at 0.0; output channel oc reads input channels from (oc / 2) * 2 (two output and two
// input channels per group); the input position is o * 2 + k * 2 down and o * 2 + k * 1
// across; without padding there is no guard and no select.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x4x7x7xf32>, %[[W:.*]]: tensor<4x2x3x3xf32>):
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[WM:.*]] = "bufferization.to_memref"(%[[W]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x4x2x3xf32>
// CHECK-DAG: %[[INIT:.*]] = "arith.constant"() {value = 0.000000e+00 : f32}
// CHECK: "memref.store"(%[[INIT]], %[[OUT]],
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[N:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[OC:.*]]: index):
// CHECK-DAG: %[[UBOH:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBOH]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[OH:.*]]: index):
// CHECK-DAG: %[[OCPG:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[G:.*]] = "arith.divui"(%[[OC]], %[[OCPG]])
// CHECK-DAG: %[[ICPG:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: %[[ICBASE:.*]] = "arith.muli"(%[[G]], %[[ICPG]])
// CHECK-DAG: %[[UBIC:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBIC]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[IC:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[KH:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[KW:.*]]: index):
// CHECK-DAG: %[[CH:.*]] = "arith.addi"(%[[ICBASE]], %[[IC]])
// CHECK-DAG: %[[WV:.*]] = "memref.load"(%[[WM]], %[[OC]], %[[IC]], %[[KH]], %[[KW]])
// CHECK-DAG: %[[UBOW:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBOW]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[OW:.*]]: index):
// CHECK-DAG: %[[SH:.*]] = "arith.constant"() {value = 2 : index}
// CHECK-DAG: %[[OHS:.*]] = "arith.muli"(%[[OH]], %[[SH]])
// CHECK-DAG: %[[DH:.*]] = "arith.constant"() {value = 2 : index}
// CHECK-DAG: %[[KHD:.*]] = "arith.muli"(%[[KH]], %[[DH]])
// CHECK: %[[H:.*]] = "arith.addi"(%[[OHS]], %[[KHD]])
// CHECK-DAG: %[[SW:.*]] = "arith.constant"() {value = 2 : index}
// CHECK-DAG: %[[OWS:.*]] = "arith.muli"(%[[OW]], %[[SW]])
// CHECK-DAG: %[[DW:.*]] = "arith.constant"() {value = 1 : index}
// CHECK-DAG: %[[KWD:.*]] = "arith.muli"(%[[KW]], %[[DW]])
// CHECK: %[[WP:.*]] = "arith.addi"(%[[OWS]], %[[KWD]])
// CHECK-NEXT: %[[XV:.*]] = "memref.load"(%[[XM]], %[[N]], %[[CH]], %[[H]], %[[WP]]) : (memref<1x4x7x7xf32>, index, index, index, index) -> f32
// CHECK-NEXT: %[[P:.*]] = "arith.mulf"(%[[XV]], %[[WV]])
// CHECK-NEXT: %[[O:.*]] = "memref.load"(%[[OUT]], %[[N]], %[[OC]], %[[OH]], %[[OW]])
// CHECK-NEXT: %[[S:.*]] = "arith.addf"(%[[O]], %[[P]])
// CHECK-NEXT: "memref.store"(%[[S]], %[[OUT]], %[[N]], %[[OC]], %[[OH]], %[[OW]])
// CHECK: sym_name = "conv_strided_dilated_grouped"
"func.func"() ({
^bb0(%x: tensor<1x4x7x7xf32>, %w: tensor<4x2x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {strides = array<i64: 2, 2>, dilations = array<i64: 2, 1>, group = 2 : i64} : (tensor<1x4x7x7xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x2x3xf32>
  "func.return"(%0) : (tensor<1x4x2x3xf32>) -> ()
}) {function_type = (tensor<1x4x7x7xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x2x3xf32>, sym_name = "conv_strided_dilated_grouped"} : () -> ()

// 1-D, padded at the end only (pads = [0, 1]): there is no output-row loop outside the taps
// (batch, channel, then input channel and tap, then the output row); the position needs no
// subtraction but is still guarded against the right edge.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x2x4xf32>, %[[W:.*]]: tensor<3x2x2xf32>, %[[B:.*]]: tensor<3xf32>):
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x3x4xf32>
// CHECK: "memref.store"(%{{.*}}, %[[OUT]],
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[N:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[OC:.*]]: index):
// CHECK-NOT: "scf.for"
// CHECK: "arith.divui"
// CHECK: "arith.muli"
// CHECK-DAG: %[[UBIC:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBIC]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[IC:.*]]: index):
// CHECK-DAG: %[[UBK:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBK]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index):
// CHECK-DAG: %[[UBO:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBO]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[O:.*]]: index):
// CHECK: %[[POS:.*]] = "arith.addi"
// CHECK-NOT: "arith.subi"
// CHECK: "arith.cmpi"(%[[POS]], %{{.*}}) {predicate = 5 : i64}
// CHECK-DAG: %[[LEN:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "arith.cmpi"(%[[POS]], %[[LEN]]) {predicate = 2 : i64}
// CHECK: %[[IN:.*]] = "arith.andi"
// CHECK: "arith.maxsi"(%[[POS]],
// CHECK: %[[PC:.*]] = "arith.minsi"
// CHECK: %[[XV:.*]] = "memref.load"(%[[XM]], %[[N]], %{{.*}}, %[[PC]]) : (memref<1x2x4xf32>, index, index, index) -> f32
// CHECK: %[[P:.*]] = "arith.mulf"(%[[XV]],
// CHECK: "arith.select"(%[[IN]], %[[P]],
// CHECK: "memref.store"(%{{.*}}, %[[OUT]], %[[N]], %[[OC]], %[[O]])
// CHECK: sym_name = "conv1d_end_pad"
"func.func"() ({
^bb0(%x: tensor<1x2x4xf32>, %w: tensor<3x2x2xf32>, %b: tensor<3xf32>):
  %0 = "nn.conv"(%x, %w, %b) {pads = array<i64: 0, 1>} : (tensor<1x2x4xf32>, tensor<3x2x2xf32>, tensor<3xf32>) -> tensor<1x3x4xf32>
  "func.return"(%0) : (tensor<1x3x4xf32>) -> ()
}) {function_type = (tensor<1x2x4xf32>, tensor<3x2x2xf32>, tensor<3xf32>) -> tensor<1x3x4xf32>, sym_name = "conv1d_end_pad"} : () -> ()

// 3-D: batch, channel and two output rows (depth, height) outside the taps; three tap loops.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x1x3x3x3xf32>, %[[W:.*]]: tensor<2x1x2x2x2xf32>):
// CHECK-DAG: %[[WM:.*]] = "bufferization.to_memref"(%[[W]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x2x2x2x2xf32>
// CHECK: "memref.store"
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[N:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[OC:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[OD:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[OH:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[IC:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[KD:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[KH:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[KW:.*]]: index):
// CHECK: "memref.load"(%[[WM]], %[[OC]], %[[IC]], %[[KD]], %[[KH]], %[[KW]])
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[OW:.*]]: index):
// CHECK: "memref.store"(%{{.*}}, %[[OUT]], %[[N]], %[[OC]], %[[OD]], %[[OH]], %[[OW]])
// CHECK: sym_name = "conv3d"
"func.func"() ({
^bb0(%x: tensor<1x1x3x3x3xf32>, %w: tensor<2x1x2x2x2xf32>):
  %0 = "nn.conv"(%x, %w) : (tensor<1x1x3x3x3xf32>, tensor<2x1x2x2x2xf32>) -> tensor<1x2x2x2x2xf32>
  "func.return"(%0) : (tensor<1x2x2x2x2xf32>) -> ()
}) {function_type = (tensor<1x1x3x3x3xf32>, tensor<2x1x2x2x2xf32>) -> tensor<1x2x2x2x2xf32>, sym_name = "conv3d"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<1x2x5x5xf32>, memref<4x2x3x3xf32>, memref<4xf32>, memref<1x4x5x5xf32>) -> (), sym_name = "conv_padded"
// EQUIV: function_type = (memref<1x4x7x7xf32>, memref<4x2x3x3xf32>, memref<1x4x2x3xf32>) -> (), sym_name = "conv_strided_dilated_grouped"
// EQUIV: function_type = (memref<1x2x4xf32>, memref<3x2x2xf32>, memref<3xf32>, memref<1x3x4xf32>) -> (), sym_name = "conv1d_end_pad"
// EQUIV: function_type = (memref<1x1x3x3x3xf32>, memref<2x1x2x2x2xf32>, memref<1x2x2x2x2xf32>) -> (), sym_name = "conv3d"
