// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},canonicalize,cse' | FileCheck %s --strict-whitespace --implicit-check-not='"nn.conv'
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file -p 'nn-fuse,convert-nn-to-loops{vector-width=4 vector-registers=8},canonicalize,cse' | FileCheck %s --strict-whitespace --check-prefix=FUSED
// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=16}' | FileCheck %s --check-prefix=WIDE

// Depthwise convolutions (one input channel per group) are direct kernels: per image and
// output channel, a vector of output columns at a time is the bias plus its taps (vector.fma
// with the channel's weights, broadcast once per plane), stored once. Each tap's inputs are
// one vector load; the first vector's taps that start left of the row load from column 0 and
// shift right with zeros coming in (vector.shuffle with a zero vector: the left padding), the
// last vector's reads are masked at the end of the input row (the right padding reads zeros)
// and its store at the end of the output row. The border rows (0 and 11 here) leave out the
// window row outside the image. Each window row is a chain of FMAs of its own (the first from
// the bias; the others start with a multiply), added at the end, and the interior rows 1 to
// 10 go in a loop over two groups of four (eight vectors under way), then rows 9 and 10: so
// that the FMAs' latency is hidden by independent chains.
// EQUIV-NOT: changed the results

// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[C0:.*]] = "arith.constant"() {value = 0 : index}
// CHECK-DAG: %[[C1:.*]] = "arith.constant"() {value = 1 : index}
// CHECK-DAG: %[[C2:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[C:.*]]: index):
// CHECK-COUNT-9: "memref.load"(%{{.*}}, %[[C]], %{{.*}}, %{{.*}}, %{{.*}}) : (memref<2x1x3x3xf32>, index, index, index, index) -> f32
// CHECK: "memref.load"(%{{.*}}, %[[C]]) : (memref<2xf32>, index) -> f32
// Row 0, first vector: two window rows of three taps.
// CHECK: "vector.shuffle"(%{{.*}}, %{{.*}}) {mask = [0, 4, 5, 6]}
// CHECK: %[[A1:.*]] = "vector.fma"
// CHECK: %[[A2:.*]] = "vector.fma"(%{{.*}}, %{{.*}}, %[[A1]])
// CHECK: %[[A3:.*]] = "vector.fma"(%{{.*}}, %{{.*}}, %[[A2]])
// CHECK: %[[B1:.*]] = "arith.mulf"
// CHECK: %[[B2:.*]] = "vector.fma"(%{{.*}}, %{{.*}}, %[[B1]])
// CHECK: %[[B3:.*]] = "vector.fma"(%{{.*}}, %{{.*}}, %[[B2]])
// CHECK: %[[SUM:.*]] = "arith.addf"(%[[A3]], %[[B3]])
// CHECK: "vector.store"(%[[SUM]]
// Row 0, last vector (columns 4 and 5 of 6): masked reads and write.
// CHECK: "vector.transfer_read"
// CHECK-COUNT-3: "vector.fma"
// CHECK: "arith.addf"
// CHECK: "vector.transfer_write"
// The interior rows: two groups of four rows, three window rows each, no masks in the first vector.
// CHECK: "scf.for"(%[[C0]], %[[C2]], %[[C1]]) ({
// CHECK-NEXT: ^bb0(%{{.*}}: index):
// CHECK-NOT: "vector.transfer_read"
// CHECK-COUNT-2: "arith.addf"
// CHECK: "vector.store"
// CHECK-COUNT-4: "vector.transfer_write"
// CHECK: "scf.yield"
// Rows 9 and 10, then row 11.
// CHECK-COUNT-3: "vector.transfer_write"
// CHECK-NOT: "vector.transfer_write"
// CHECK: sym_name = "depthwise_3x3"
"func.func"() ({
^bb0(%x: tensor<1x2x12x6xf32>, %w: tensor<2x1x3x3xf32>, %b: tensor<2xf32>):
  %0 = "nn.conv"(%x, %w, %b) {group = 2 : i64, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x12x6xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x2x12x6xf32>
  "func.return"(%0) : (tensor<1x2x12x6xf32>) -> ()
}) {function_type = (tensor<1x2x12x6xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x2x12x6xf32>, sym_name = "depthwise_3x3"} : () -> ()
// EQUIV: sym_name = "depthwise_3x3"

// -----

// Stride 2, a channel multiplier of 2 (output channel c reads input channel c / 2), dilation
// and uneven padding.
// CHECK-LABEL: "func.func"
// CHECK: {{"arith.divui"|"arith.shrui"}}
// CHECK: sym_name = "depthwise_strided"
"func.func"() ({
^bb0(%x: tensor<2x3x8x9xf32>, %w: tensor<6x1x3x2xf32>):
  %0 = "nn.conv"(%x, %w) {group = 3 : i64, strides = array<i64: 2, 2>, dilations = array<i64: 1, 2>, pads = array<i64: 1, 0, 0, 2>} : (tensor<2x3x8x9xf32>, tensor<6x1x3x2xf32>) -> tensor<2x6x4x5xf32>
  "func.return"(%0) : (tensor<2x6x4x5xf32>) -> ()
}) {function_type = (tensor<2x3x8x9xf32>, tensor<6x1x3x2xf32>) -> tensor<2x6x4x5xf32>, sym_name = "depthwise_strided"} : () -> ()
// EQUIV: sym_name = "depthwise_strided"

// -----

// A kernel as large as the padded image: no output is in the interior, all are checked.
// CHECK-LABEL: "func.func"
// CHECK-NOT: {{^        }}"scf.for"
// CHECK: sym_name = "depthwise_no_interior"
"func.func"() ({
^bb0(%x: tensor<1x2x3x3xf32>, %w: tensor<2x1x5x5xf32>):
  %0 = "nn.conv"(%x, %w) {group = 2 : i64, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x3x3xf32>, tensor<2x1x5x5xf32>) -> tensor<1x2x1x1xf32>
  "func.return"(%0) : (tensor<1x2x1x1xf32>) -> ()
}) {function_type = (tensor<1x2x3x3xf32>, tensor<2x1x5x5xf32>) -> tensor<1x2x1x1xf32>, sym_name = "depthwise_no_interior"} : () -> ()
// EQUIV: sym_name = "depthwise_no_interior"

// -----

// Fused with the clip after it (ReLU6, as in MobileNet-v2) and a residual add: both apply to
// each vector of outputs before its store, one store per vector.
// FUSED-LABEL: sym_name = "depthwise_no_interior"
// FUSED: "scf.for"
// FUSED: "vector.fma"
// FUSED: "vector.load"(%{{.*}}) : (memref<1x4x36xf32>, index, index, index) -> vector<4xf32>
// FUSED-NEXT: "arith.addf"
// FUSED-NEXT: "arith.cmpf"
// FUSED-NEXT: "arith.select"
// FUSED-NEXT: "arith.cmpf"
// FUSED-NEXT: "arith.select"
// FUSED-NEXT: "vector.store"
// FUSED: sym_name = "depthwise_fused"
"func.func"() ({
^bb0(%x: tensor<1x4x6x6xf32>, %w: tensor<4x1x3x3xf32>, %r: tensor<1x4x6x6xf32>):
  %0 = "nn.conv"(%x, %w) {group = 4 : i64, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x4x6x6xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32>
  %1 = "nn.add"(%0, %r) : (tensor<1x4x6x6xf32>, tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  %2 = "nn.clip"(%1) {min = 0.0 : f32, max = 6.0 : f32} : (tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  "func.return"(%2) : (tensor<1x4x6x6xf32>) -> ()
}) {function_type = (tensor<1x4x6x6xf32>, tensor<4x1x3x3xf32>, tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>, sym_name = "depthwise_fused"} : () -> ()
// EQUIV: sym_name = "depthwise_fused"

// -----

// MobileNet's stride-2 layers on a row of several vectors: each pair of loads is split into
// even lanes (vector.shuffle), the first vector's leftmost tap shifted in a zero.
// CHECK: sym_name = "depthwise_fused"
// CHECK: "vector.shuffle"
// CHECK: sym_name = "depthwise_wide_strided"
"func.func"() ({
^bb0(%x: tensor<1x3x9x37xf32>, %w: tensor<3x1x3x3xf32>, %b: tensor<3xf32>):
  %0 = "nn.conv"(%x, %w, %b) {group = 3 : i64, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x9x37xf32>, tensor<3x1x3x3xf32>, tensor<3xf32>) -> tensor<1x3x5x19xf32>
  "func.return"(%0) : (tensor<1x3x5x19xf32>) -> ()
}) {function_type = (tensor<1x3x9x37xf32>, tensor<3x1x3x3xf32>, tensor<3xf32>) -> tensor<1x3x5x19xf32>, sym_name = "depthwise_wide_strided"} : () -> ()
// EQUIV: sym_name = "depthwise_wide_strided"
// EQUIV-NOT: changed the results

// -----

// A 5 x 5 window at stride 2 on rows of two vectors or more (EfficientNet's): each plane's even
// and odd columns are first copied apart (2 phases of 9 rows of 19, the odd phase's last
// column zero), and each tap is one vector of one phase, no shuffle of the input. The copy
// goes a vector of each phase at a time, the even and odd lanes of two vectors of the input
// row; the last pair is read masked past the row's end (column 37 reads a zero) and written
// masked (columns 16 to 18 of the phase).
// CHECK: %[[PH:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x2x2x9x19xf32>
// CHECK: %[[A:.*]] = "vector.load"(%[[X:.*]], %{{.*}}, %[[C:.*]], %[[R:.*]], %{{.*}}) : (memref<1x2x9x37xf32>
// CHECK-NEXT: %[[B:.*]] = "vector.load"(%[[X]], %{{.*}}, %[[C]], %[[R]], %{{.*}}) : (memref<1x2x9x37xf32>
// CHECK-NEXT: %[[EVEN:.*]] = "vector.shuffle"(%[[A]], %[[B]]) {mask = [0, 2, 4, 6]}
// CHECK-NEXT: "vector.store"(%[[EVEN]], %[[PH]], %{{.*}}, %[[C]], %[[P0:.*]], %[[R]], %[[P0]])
// CHECK-NEXT: %[[ODD:.*]] = "vector.shuffle"(%[[A]], %[[B]]) {mask = [1, 3, 5, 7]}
// CHECK-NEXT: "vector.store"(%[[ODD]], %[[PH]], %{{.*}}, %[[C]], %{{.*}}, %[[R]], %[[P0]])
// CHECK: "vector.transfer_read"(%[[X]]
// CHECK: "vector.transfer_write"(%{{.*}}, %[[PH]]
// CHECK: "vector.transfer_write"(%{{.*}}, %[[PH]]
// CHECK: "vector.load"(%[[PH]],
// CHECK-NOT: mask = [0, 2, 4, 6]
// CHECK: sym_name = "depthwise_5x5_phases"
"func.func"() ({
^bb0(%x: tensor<1x2x9x37xf32>, %w: tensor<2x1x5x5xf32>):
  %0 = "nn.conv"(%x, %w) {group = 2 : i64, strides = array<i64: 2, 2>, pads = array<i64: 2, 2, 2, 2>} : (tensor<1x2x9x37xf32>, tensor<2x1x5x5xf32>) -> tensor<1x2x5x19xf32>
  "func.return"(%0) : (tensor<1x2x5x19xf32>) -> ()
}) {function_type = (tensor<1x2x9x37xf32>, tensor<2x1x5x5xf32>) -> tensor<1x2x5x19xf32>, sym_name = "depthwise_5x5_phases"} : () -> ()
// EQUIV: sym_name = "depthwise_5x5_phases"
// EQUIV-NOT: changed the results

// -----

// A dilated window (DeepLab's MobileNet backbone) at stride 1 goes in vectors of output
// columns too: tap (i, j) reads input row y + 2 i - 2 and one vector from column x0 + 2 j - 2,
// the first vector's left taps shifted in zeros; the rows whose window reaches past the top or
// the bottom leave those window rows out.
// CHECK: "vector.fma"
// CHECK-NOT: "math.fma"
// CHECK: sym_name = "depthwise_dilated"
"func.func"() ({
^bb0(%x: tensor<1x2x9x13xf32>, %w: tensor<2x1x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {group = 2 : i64, dilations = array<i64: 2, 2>, pads = array<i64: 2, 2, 2, 2>} : (tensor<1x2x9x13xf32>, tensor<2x1x3x3xf32>) -> tensor<1x2x9x13xf32>
  "func.return"(%0) : (tensor<1x2x9x13xf32>) -> ()
}) {function_type = (tensor<1x2x9x13xf32>, tensor<2x1x3x3xf32>) -> tensor<1x2x9x13xf32>, sym_name = "depthwise_dilated"} : () -> ()
// EQUIV: sym_name = "depthwise_dilated"
// EQUIV-NOT: changed the results

// -----

// A 5 x 5 window with padding 2 and two output channels per input channel, on a 7 x 7 plane
// (two border rows at each side, each leaving out its window rows outside the image).
// CHECK: sym_name = "depthwise_5x5_multiplier"
"func.func"() ({
^bb0(%x: tensor<2x2x7x7xf32>, %w: tensor<4x1x5x5xf32>):
  %0 = "nn.conv"(%x, %w) {group = 2 : i64, pads = array<i64: 2, 2, 2, 2>} : (tensor<2x2x7x7xf32>, tensor<4x1x5x5xf32>) -> tensor<2x4x7x7xf32>
  "func.return"(%0) : (tensor<2x4x7x7xf32>) -> ()
}) {function_type = (tensor<2x2x7x7xf32>, tensor<4x1x5x5xf32>) -> tensor<2x4x7x7xf32>, sym_name = "depthwise_5x5_multiplier"} : () -> ()
// EQUIV: sym_name = "depthwise_5x5_multiplier"
// EQUIV-NOT: changed the results

// -----

// A 5 x 5 window at stride 2 whose output rows are more than one vector of 16 (21 columns): with
// 16 lanes its even and odd input columns are copied apart first (a 2 x 9 x 21 buffer per
// plane), as with 4 or 8 lanes from two vectors a row; with rows of one vector (15 columns,
// the next function) the taps shuffle instead.
// CHECK: sym_name = "depthwise_5x5_stride2_wide"
// WIDE: "memref.alloc"() {{.*}} : () -> memref<1x2x2x9x21xf32>
// WIDE: sym_name = "depthwise_5x5_stride2_wide"
"func.func"() ({
^bb0(%x: tensor<1x2x9x41xf32>, %w: tensor<2x1x5x5xf32>):
  %0 = "nn.conv"(%x, %w) {group = 2 : i64, strides = array<i64: 2, 2>, pads = array<i64: 2, 2, 2, 2>} : (tensor<1x2x9x41xf32>, tensor<2x1x5x5xf32>) -> tensor<1x2x5x21xf32>
  "func.return"(%0) : (tensor<1x2x5x21xf32>) -> ()
}) {function_type = (tensor<1x2x9x41xf32>, tensor<2x1x5x5xf32>) -> tensor<1x2x5x21xf32>, sym_name = "depthwise_5x5_stride2_wide"} : () -> ()
// EQUIV: sym_name = "depthwise_5x5_stride2_wide"
// EQUIV-NOT: changed the results

// -----

// CHECK: sym_name = "depthwise_5x5_stride2_one_vector"
// WIDE-NOT: "memref.alloc"() {{.*}} : () -> memref<1x2x2x9x15xf32>
// WIDE: "vector.shuffle"
// WIDE: sym_name = "depthwise_5x5_stride2_one_vector"
"func.func"() ({
^bb0(%x: tensor<1x2x9x29xf32>, %w: tensor<2x1x5x5xf32>):
  %0 = "nn.conv"(%x, %w) {group = 2 : i64, strides = array<i64: 2, 2>, pads = array<i64: 2, 2, 2, 2>} : (tensor<1x2x9x29xf32>, tensor<2x1x5x5xf32>) -> tensor<1x2x5x15xf32>
  "func.return"(%0) : (tensor<1x2x5x15xf32>) -> ()
}) {function_type = (tensor<1x2x9x29xf32>, tensor<2x1x5x5xf32>) -> tensor<1x2x5x15xf32>, sym_name = "depthwise_5x5_stride2_one_vector"} : () -> ()
// EQUIV: sym_name = "depthwise_5x5_stride2_one_vector"
// EQUIV-NOT: changed the results
