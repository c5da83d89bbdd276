// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-length=256},canonicalize,cse' | FileCheck %s --implicit-check-not='"nn.conv'
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-length=256},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-length=256 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// Fused groups (bias, ReLU, a residual add) apply their ops as the valid columns are copied out:
// RUN: %sol-opt %s --check-equivalence -p 'func.func(nn-fuse),convert-nn-to-loops{vector-length=256},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s -p 'func.func(nn-fuse),convert-nn-to-loops{vector-length=256},canonicalize,cse' | FileCheck %s --check-prefix=FUSED

// On a long-vector machine (NEC's vector engine: 256 elements a vector), a convolution whose
// output rows are shorter than a vector sweeps whole output planes: the input is copied into
// zero-padded phase planes (one per stride phase), each tap adds weight x plane over oh * wq
// consecutive elements, and the valid columns are copied out.
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "pad_3x3"
// EQUIV: sym_name = "stride_2_asymmetric"
// EQUIV: sym_name = "dilated_grouped"
// EQUIV: sym_name = "depthwise_no_bias"
// EQUIV: sym_name = "conv_relu_residual"
// EQUIV: sym_name = "wide_rows"

// 3x3, pads 1, 7x9 image: phase planes of 10 rows x 11 columns (the valid rows' taps, plus
// the row that the last row's wasted columns run into), the product on rows of 11 columns,
// each tap one loop of 7 x 11 = 77 elements read 0 .. 2 rows and 0 .. 2 columns further on.
// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[C77:.*]] = "arith.constant"() {value = 77 : index}
// CHECK-DAG: %[[C11:.*]] = "arith.constant"() {value = 11 : index}
// CHECK: "memref.alloc"() {{.*}} : () -> memref<2x3x1x1x110xf32>
// CHECK: "arith.divui"
// CHECK: "arith.remui"
// CHECK: "memref.alloc"() {{.*}} : () -> memref<2x4x77xf32>
// CHECK: "scf.for"(%{{.*}}, %[[C77]], %{{.*}}) ({
// CHECK: "scf.for"(%{{.*}}, %[[C77]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[Q:.*]]: index):
// CHECK-NEXT: %[[AT:.*]] = "arith.addi"(%[[Q]], %{{.*}})
// CHECK-NEXT: "memref.load"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[AT]]) : (memref<2x3x1x1x110xf32>, index, index, index, index, index) -> f32
// CHECK: sym_name = "pad_3x3"
"func.func"() ({
^bb0(%x: tensor<2x3x7x9xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>):
  %0 = "nn.conv"(%x, %w, %b) {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<2x3x7x9xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<2x4x7x9xf32>
  "func.return"(%0) : (tensor<2x4x7x9xf32>) -> ()
}) {function_type = (tensor<2x3x7x9xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<2x4x7x9xf32>, sym_name = "pad_3x3"} : () -> ()

// Stride 2 with pads 0 top, 2 left, 1 bottom, 0 right (4 x 5 outputs): four phase planes of
// 6 x 6 (11 padded columns over 2; 4 rows, 1 for the taps' shift, 1 for the wasted columns).
// CHECK-LABEL: "func.func"
// CHECK: "memref.alloc"() {{.*}} : () -> memref<1x2x2x2x36xf32>
// CHECK: sym_name = "stride_2_asymmetric"
"func.func"() ({
^bb0(%x: tensor<1x2x8x9xf32>, %w: tensor<3x2x3x3xf32>, %b: tensor<3xf32>):
  %0 = "nn.conv"(%x, %w, %b) {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 2, 1, 0>, strides = array<i64: 2, 2>} : (tensor<1x2x8x9xf32>, tensor<3x2x3x3xf32>, tensor<3xf32>) -> tensor<1x3x4x5xf32>
  "func.return"(%0) : (tensor<1x3x4x5xf32>) -> ()
}) {function_type = (tensor<1x2x8x9xf32>, tensor<3x2x3x3xf32>, tensor<3xf32>) -> tensor<1x3x4x5xf32>, sym_name = "stride_2_asymmetric"} : () -> ()

"func.func"() ({
^bb0(%x: tensor<1x4x9x10xf32>, %w: tensor<6x2x3x2xf32>, %b: tensor<6xf32>):
  %0 = "nn.conv"(%x, %w, %b) {dilations = array<i64: 2, 3>, group = 2 : i64, pads = array<i64: 2, 1, 1, 2>, strides = array<i64: 1, 2>} : (tensor<1x4x9x10xf32>, tensor<6x2x3x2xf32>, tensor<6xf32>) -> tensor<1x6x8x5xf32>
  "func.return"(%0) : (tensor<1x6x8x5xf32>) -> ()
}) {function_type = (tensor<1x4x9x10xf32>, tensor<6x2x3x2xf32>, tensor<6xf32>) -> tensor<1x6x8x5xf32>, sym_name = "dilated_grouped"} : () -> ()

"func.func"() ({
^bb0(%x: tensor<1x3x6x6xf32>, %w: tensor<3x1x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {dilations = array<i64: 1, 1>, group = 3 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x3x6x6xf32>, tensor<3x1x3x3xf32>) -> tensor<1x3x3x3xf32>
  "func.return"(%0) : (tensor<1x3x3x3xf32>) -> ()
}) {function_type = (tensor<1x3x6x6xf32>, tensor<3x1x3x3xf32>) -> tensor<1x3x3x3xf32>, sym_name = "depthwise_no_bias"} : () -> ()

// FUSED-LABEL: sym_name = "depthwise_no_bias"
// FUSED: "scf.for"
// The wide rows are read twice: as each tap adds to them, then as they are copied out: the
// element, plus the residual at [image, channel, pixel], then ReLU, stored once.
// FUSED: "memref.load"(%{{.*}}) : (memref<1x2x35xf32>, index, index, index) -> f32
// FUSED: %[[V:.*]] = "memref.load"(%{{.*}}) : (memref<1x2x35xf32>, index, index, index) -> f32
// FUSED: %[[R:.*]] = "memref.load"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (memref<1x2x25xf32>, index, index, index) -> f32
// FUSED: %[[S:.*]] = "arith.addf"(%[[V]], %[[R]])
// FUSED: %[[NEG:.*]] = "arith.cmpf"(%[[S]], %[[ZERO:.*]]) {predicate = 4 : i64}
// FUSED: %[[M:.*]] = "arith.select"(%[[NEG]], %[[ZERO]], %[[S]])
// FUSED: "memref.store"(%[[M]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (f32, memref<1x2x5x5xf32>, index, index, index, index) -> ()
// FUSED-NOT: "arith.select"
// FUSED: sym_name = "conv_relu_residual"
"func.func"() ({
^bb0(%x: tensor<1x2x5x5xf32>, %w: tensor<2x2x3x3xf32>, %b: tensor<2xf32>):
  %0 = "nn.conv"(%x, %w, %b) {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x2x5x5xf32>, tensor<2x2x3x3xf32>, tensor<2xf32>) -> tensor<1x2x5x5xf32>
  %1 = "nn.add"(%0, %x) : (tensor<1x2x5x5xf32>, tensor<1x2x5x5xf32>) -> tensor<1x2x5x5xf32>
  %2 = "nn.relu"(%1) : (tensor<1x2x5x5xf32>) -> tensor<1x2x5x5xf32>
  "func.return"(%2) : (tensor<1x2x5x5xf32>) -> ()
}) {function_type = (tensor<1x2x5x5xf32>, tensor<2x2x3x3xf32>, tensor<2xf32>) -> tensor<1x2x5x5xf32>, sym_name = "conv_relu_residual"} : () -> ()

// Rows of 300 outputs are vectors already: the row form, no phase planes.
// CHECK-LABEL: "func.func"
// CHECK-NOT: memref<1x1x1x1x
// CHECK: sym_name = "wide_rows"
"func.func"() ({
^bb0(%x: tensor<1x1x2x300xf32>, %w: tensor<1x1x1x3xf32>):
  %0 = "nn.conv"(%x, %w) {dilations = array<i64: 1, 1>, group = 1 : i64, pads = array<i64: 0, 1, 0, 1>, strides = array<i64: 1, 1>} : (tensor<1x1x2x300xf32>, tensor<1x1x1x3xf32>) -> tensor<1x1x2x300xf32>
  "func.return"(%0) : (tensor<1x1x2x300xf32>) -> ()
}) {function_type = (tensor<1x1x2x300xf32>, tensor<1x1x1x3xf32>) -> tensor<1x1x2x300xf32>, sym_name = "wide_rows"} : () -> ()
