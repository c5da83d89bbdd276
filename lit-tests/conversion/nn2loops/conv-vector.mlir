// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},canonicalize,cse' | FileCheck %s --implicit-check-not='"nn.conv'
// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 l2-cache=1024 l3-cache=2048},canonicalize,cse' | FileCheck %s --check-prefix=BLOCKS
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 l2-cache=1024 l3-cache=2048},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 l2-cache=1024 l3-cache=2048 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=8 vector-registers=16 threads=2},canonicalize,cse' | FileCheck %s --check-prefix=COPY

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_1x1"
// EQUIV: sym_name = "conv_3x3_padded"
// EQUIV: sym_name = "conv_padding_rows_skipped"
// EQUIV: sym_name = "conv_strided_dilated"
// EQUIV: sym_name = "conv_grouped"
// EQUIV: sym_name = "conv_strided"
// EQUIV: sym_name = "conv_row_blocks"
// EQUIV: sym_name = "conv_panels_copied"
// EQUIV: sym_name = "conv_1x1_panels_copied"
// EQUIV: sym_name = "conv_1x1_sub_blocks"
// EQUIV: sym_name = "conv_1x1_sub_blocks_in_place"
// EQUIV: sym_name = "conv_copies_on_threads"

// A 1 x 1 convolution with stride 1: out[image] (5 x 30) = W (5 x 2) x[image] (2 x 30). The
// weights are packed as A; the micro-kernel reads the image's rows (its planes) as B directly,
// and the last panel of columns with masked reads.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x2x5x6xf32>, %[[W:.*]]: tensor<5x2x1x1xf32>):
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[WM:.*]] = "bufferization.to_memref"(%[[W]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x5x5x6xf32>
// CHECK: %[[PA:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x2x5xf32>
// CHECK: %[[W2:.*]] = "memref.collapse_shape"(%[[WM]]) {reassociation = {{\[\[}}0], [1, 2, 3]]} : (memref<5x2x1x1xf32>) -> memref<5x2xf32>
// CHECK: "memref.store"(%{{.*}}, %[[PA]], %{{.*}}, %{{.*}}, %{{.*}})
// CHECK: %[[IMAGES:.*]] = "memref.collapse_shape"(%[[XM]]) {reassociation = {{\[\[}}0], [1], [2, 3]]} : (memref<2x2x5x6xf32>) -> memref<2x2x30xf32>
// CHECK: %[[PLANES:.*]] = "memref.collapse_shape"(%[[OUT]]) {reassociation = {{\[\[}}0], [1], [2, 3]]} : (memref<2x5x5x6xf32>) -> memref<2x5x30xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[IMAGE:.*]]: index):
// CHECK: %[[ACC:.*]]:5 = "scf.for"
// CHECK: "vector.load"(%[[IMAGES]], %[[IMAGE]], %{{.*}}, %{{.*}}) : (memref<2x2x30xf32>, index, index, index) -> vector<4xf32>
// CHECK-COUNT-5: "vector.fma"
// CHECK: "vector.store"(%[[ACC]]#0, %[[PLANES]], %[[IMAGE]], %{{.*}}, %{{.*}}) : (vector<4xf32>, memref<2x5x30xf32>, index, index, index) -> ()
// CHECK: "vector.transfer_read"(%[[IMAGES]], %[[IMAGE]], %{{.*}}, %{{.*}}, %{{.*}}) {in_bounds = [false]
// CHECK: "vector.transfer_write"
// CHECK: sym_name = "conv_1x1"
"func.func"() ({
^bb0(%x: tensor<2x2x5x6xf32>, %w: tensor<5x2x1x1xf32>):
  %0 = "nn.conv"(%x, %w) : (tensor<2x2x5x6xf32>, tensor<5x2x1x1xf32>) -> tensor<2x5x5x6xf32>
  "func.return"(%0) : (tensor<2x5x5x6xf32>) -> ()
}) {function_type = (tensor<2x2x5x6xf32>, tensor<5x2x1x1xf32>) -> tensor<2x5x5x6xf32>, sym_name = "conv_1x1"} : () -> ()

// 3 x 3, padded by 1, with bias, stride 1: no column matrix. Per tap column j and channel c
// the image is copied, with a zero row above and below (6 x 4) and shifted by j - 1 columns
// with zeros shifted in, into plane j * 3 + c of one flat buffer (9 planes of 24, and a vector
// of slack: 220); row k = (c, i, j) of B reads plane (j, c) from row i on, so column
// q = y * 4 + x of the product is output (y, x) itself and the tiles, started from
// bias[output channel], are stored straight into the result's planes. The weights are an
// argument here, so they are packed at run time (k in the order (c, i, j)).
// The start of row k in the copies is a compile-time table: (c, i, j) = (0, 0, 1) reads plane
// 3 from row 0 (3 * 6 * 4 = 72), (0, 1, 0) plane 0 from row 1 (4).
// CHECK-LABEL: "memref.global"
// CHECK-SAME: initial_value = dense<[0, 72, 144, 4, 76, 148, 8, 80, 152, 24, {{.*}}]> : tensor<27xi64>
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x3x4x4xf32>, %[[W:.*]]: tensor<6x3x3x3xf32>, %[[B:.*]]: tensor<6xf32>):
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x6x4x4xf32>
// CHECK: %[[PA:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x27x6xf32>
// CHECK: %[[PLANES:.*]] = "memref.collapse_shape"(%[[OUT]]) {reassociation = {{\[\[}}0], [1], [2, 3]]} : (memref<1x6x4x4xf32>) -> memref<1x6x16xf32>
// CHECK: %[[SHIFTED:.*]] = "memref.alloc"() {{.*}} : () -> memref<220xf32>
// CHECK-NEXT: %[[OFFSETS:.*]] = "memref.get_global"() {{.*}} : () -> memref<27xi64>
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (memref<1x3x4x4xf32>, index, index, index, index) -> f32
// CHECK: "memref.store"(%[[V]], %[[SHIFTED]], %{{.*}}) : (f32, memref<220xf32>, index) -> ()
// CHECK: %[[BIAS:.*]] = "memref.load"(%[[BM]], %{{.*}}) : (memref<6xf32>, index) -> f32
// CHECK-NEXT: "vector.broadcast"(%[[BIAS]]) : (f32) -> vector<4xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[K:.*]]: index, %{{.*}}: vector<4xf32>
// CHECK-NEXT: %[[START:.*]] = "memref.load"(%[[OFFSETS]], %[[K]]) : (memref<27xi64>, index) -> i64
// CHECK-NEXT: %[[STARTI:.*]] = "arith.index_cast"(%[[START]])
// CHECK-NEXT: %[[Q:.*]] = "arith.addi"(%[[STARTI]], %{{.*}})
// CHECK-NEXT: "vector.load"(%[[SHIFTED]], %[[Q]]) : (memref<220xf32>, index) -> vector<4xf32>
// CHECK: "memref.load"(%[[PA]]
// CHECK: "vector.fma"
// CHECK: "vector.store"(%{{.*}}, %[[PLANES]], %{{.*}}, %{{.*}}, %{{.*}}) : (vector<4xf32>, memref<1x6x16xf32>, index, index, index) -> ()
// CHECK: sym_name = "conv_3x3_padded"
"func.func"() ({
^bb0(%x: tensor<1x3x4x4xf32>, %w: tensor<6x3x3x3xf32>, %b: tensor<6xf32>):
  %0 = "nn.conv"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x4x4xf32>, tensor<6x3x3x3xf32>, tensor<6xf32>) -> tensor<1x6x4x4xf32>
  "func.return"(%0) : (tensor<1x6x4x4xf32>) -> ()
}) {function_type = (tensor<1x3x4x4xf32>, tensor<6x3x3x3xf32>, tensor<6xf32>) -> tensor<1x6x4x4xf32>, sym_name = "conv_3x3_padded"} : () -> ()

// Constant weights on the shifted copies: packed with k in tap-major order (i, j, c), so that
// the rows of taps that read only the padding rows are a prefix or suffix of k. A B panel here
// is one output row (4 columns, tiles 6 x 4): row 0 multiplies k in [6, 18) (tap row 0 is
// above the image), row 2 k in [0, 12), row 1 all 18; the range is computed per B panel from
// its first and last output rows (divided by the width, 4).
// CHECK-LABEL: "memref.global"
// (w[o][c][i][j] = 100 o + 10 c + 3 i + j: k = 0 holds 0, 100, ..., 500 and k = 1, channel 1
// of the same tap, 10, 110, ...; in (c, i, j) order it would hold 1, 101, ...)
// CHECK-SAME: initial_value = dense<"0x000000000000C84200004843000096430000C8430000FA43000020410000DC42
// CHECK-SAME: tensor<1x18x6xf32>
// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[C4:.*]] = "arith.constant"() {value = 4 : index}
// CHECK-DAG: %[[C6:.*]] = "arith.constant"() {value = 6 : index}
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[PANEL:.*]]: index):
// CHECK: %[[FIRST:.*]] = "arith.muli"(%[[PANEL]], %[[C4]])
// CHECK: %[[Y0:.*]] = "arith.divui"(%[[FIRST]], %[[C4]])
// CHECK: %[[Y1:.*]] = "arith.divui"(%{{.*}}, %[[C4]])
// CHECK: %[[LO:.*]] = "arith.maxsi"
// CHECK: %[[HI:.*]] = "arith.minsi"
// CHECK: %[[BEGIN:.*]] = "arith.muli"(%[[LO]], %[[C6]])
// CHECK: %[[END:.*]] = "arith.muli"(%{{.*}}, %[[C6]])
// CHECK: %[[FROM:.*]] = "arith.maxsi"(%[[BEGIN]],
// CHECK: %[[TO:.*]] = "arith.minsi"(%[[END]],
// The micro-kernel takes four values of k per iteration (MatMulKernel.K_UNROLL), 4 x 6 FMAs,
// up to the last multiple of four in the range, and the rest (here 0, but not known at compile
// time) one by one.
// CHECK: %[[LENGTH:.*]] = "arith.subi"(%[[TO]], %[[FROM]])
// CHECK: %[[POSITIVE:.*]] = "arith.maxsi"(%[[LENGTH]],
// CHECK: %[[FOURS:.*]] = "arith.divui"(%[[POSITIVE]], %[[C4]])
// CHECK: %[[UNROLLED:.*]] = "arith.muli"(%[[FOURS]], %[[C4]])
// CHECK: %[[MIDDLE:.*]] = "arith.addi"(%[[FROM]], %[[UNROLLED]])
// CHECK: %[[TILE:.*]]:6 = "scf.for"(%[[FROM]], %[[MIDDLE]], %[[C4]],
// CHECK-COUNT-24: "vector.fma"
// CHECK-NOT: "vector.fma"
// CHECK: "scf.yield"
// CHECK: "scf.for"(%[[MIDDLE]], %[[TO]], %{{.*}}, %[[TILE]]#0, %[[TILE]]#1, %[[TILE]]#2, %[[TILE]]#3, %[[TILE]]#4, %[[TILE]]#5)
// CHECK-COUNT-6: "vector.fma"
// CHECK-NOT: "vector.fma"
// CHECK: "scf.yield"
// CHECK: sym_name = "conv_padding_rows_skipped"
"func.func"() ({
^bb0(%x: tensor<1x2x3x4xf32>):
  %w = "nn.constant"() {value = dense<[[[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]], [[10.0, 11.0, 12.0], [13.0, 14.0, 15.0], [16.0, 17.0, 18.0]]], [[[100.0, 101.0, 102.0], [103.0, 104.0, 105.0], [106.0, 107.0, 108.0]], [[110.0, 111.0, 112.0], [113.0, 114.0, 115.0], [116.0, 117.0, 118.0]]], [[[200.0, 201.0, 202.0], [203.0, 204.0, 205.0], [206.0, 207.0, 208.0]], [[210.0, 211.0, 212.0], [213.0, 214.0, 215.0], [216.0, 217.0, 218.0]]], [[[300.0, 301.0, 302.0], [303.0, 304.0, 305.0], [306.0, 307.0, 308.0]], [[310.0, 311.0, 312.0], [313.0, 314.0, 315.0], [316.0, 317.0, 318.0]]], [[[400.0, 401.0, 402.0], [403.0, 404.0, 405.0], [406.0, 407.0, 408.0]], [[410.0, 411.0, 412.0], [413.0, 414.0, 415.0], [416.0, 417.0, 418.0]]], [[[500.0, 501.0, 502.0], [503.0, 504.0, 505.0], [506.0, 507.0, 508.0]], [[510.0, 511.0, 512.0], [513.0, 514.0, 515.0], [516.0, 517.0, 518.0]]]]> : tensor<6x2x3x3xf32>} : () -> tensor<6x2x3x3xf32>
  %0 = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x3x4xf32>, tensor<6x2x3x3xf32>) -> tensor<1x6x3x4xf32>
  "func.return"(%0) : (tensor<1x6x3x4xf32>) -> ()
}) {function_type = (tensor<1x2x3x4xf32>) -> tensor<1x6x3x4xf32>, sym_name = "conv_padding_rows_skipped"} : () -> ()

// Strides, dilations and uneven padding go through the column matrix too. Constant weights
// are packed at compile time: panels of 3 output channels (the tile is as high as the 3
// channels), each with the 8 taps of a channel next to each other.
// CHECK-LABEL: "memref.global"
// CHECK-SAME: initial_value = dense<{{\[\[\[}}1.000000e+00, 9.000000e+00, 1.700000e+01], [2.000000e+00, 1.000000e+01, 1.800000e+01]
// CHECK-SAME: tensor<1x8x3xf32>
// CHECK-LABEL: "func.func"
// CHECK: "memref.get_global"() {{.*}} : () -> memref<1x8x3xf32>
// CHECK: "memref.alloc"() {{.*}} : () -> memref<8x15xf32>
// CHECK: "vector.fma"
// CHECK: sym_name = "conv_strided_dilated"
"func.func"() ({
^bb0(%x: tensor<1x2x7x9xf32>):
  %w = "nn.constant"() {value = dense<[[[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]], [[[9.0, 10.0], [11.0, 12.0]], [[13.0, 14.0], [15.0, 16.0]]], [[[17.0, 18.0], [19.0, 20.0]], [[21.0, 22.0], [23.0, 24.0]]]]> : tensor<3x2x2x2xf32>} : () -> tensor<3x2x2x2xf32>
  %0 = "nn.conv"(%x, %w) {strides = array<i64: 2, 2>, dilations = array<i64: 2, 1>, pads = array<i64: 0, 1, 1, 0>} : (tensor<1x2x7x9xf32>, tensor<3x2x2x2xf32>) -> tensor<1x3x3x5xf32>
  "func.return"(%0) : (tensor<1x3x3x5xf32>) -> ()
}) {function_type = (tensor<1x2x7x9xf32>) -> tensor<1x3x3x5xf32>, sym_name = "conv_strided_dilated"} : () -> ()

// More than one group: a loop over the groups, each a product on views of its channels
// (conv-grouped.mlir checks the views).
// CHECK-LABEL: "func.func"
// CHECK: "scf.for"
// CHECK: "memref.subview"
// CHECK: "vector.fma"
// CHECK: sym_name = "conv_grouped"
"func.func"() ({
^bb0(%x: tensor<1x4x3x3xf32>, %w: tensor<4x2x1x1xf32>):
  %0 = "nn.conv"(%x, %w) {group = 2 : i64} : (tensor<1x4x3x3xf32>, tensor<4x2x1x1xf32>) -> tensor<1x4x3x3xf32>
  "func.return"(%0) : (tensor<1x4x3x3xf32>) -> ()
}) {function_type = (tensor<1x4x3x3xf32>, tensor<4x2x1x1xf32>) -> tensor<1x4x3x3xf32>, sym_name = "conv_grouped"} : () -> ()

// Stride 2, padded by 1: shifted copies per tap column j, row phase p (the taps' rows i mod 2)
// and channel c, copy (j, p, c) holding the padded image's rows 2 yy + p at columns 2 x + j.
// With two channels the copies of the whole image (3 x 2 x 2 planes of 131 rows, ceil(261 /
// 2), x 130 columns: 817 KB) outgrow a quarter of L2, so they are made band by band: 4 bands
// of 33 output rows, each copying the 34 rows of every plane that it reads (53040 elements and
// a vector of slack), the last band moved up to end at row 130. Row k = (c, i, j) of B reads
// copy (j, i mod 2, c), plane (2 j + i mod 2) * 2 + c, from row i / 2 on: (0, 0, 1) plane 4
// (4 * 34 * 130 = 17680), (0, 1, 0) plane 2 (8840), (0, 2, 0) plane 0 from row 1 (130),
// (1, 0, 0) plane 1 (4420). (130 x 130 outputs are more pixels than the turned product is
// tried for with more than 32 output channels.)
// CHECK-LABEL: "memref.global"
// CHECK-SAME: initial_value = dense<[0, 17680, 35360, 8840, 26520, 44200, 130, 17810, 35490, 4420, {{.*}}]> : tensor<18xi64>
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%{{.*}}: tensor<1x2x259x259xf32>, %{{.*}}: tensor<33x2x3x3xf32>):
// CHECK-DAG: %[[C97:.*]] = "arith.constant"() {value = 97 : index}
// CHECK-DAG: %[[C33:.*]] = "arith.constant"() {value = 33 : index}
// CHECK: %[[SHIFTED:.*]] = "memref.alloc"() {{.*}} : () -> memref<53044xf32>
// CHECK: %[[OFFSETS:.*]] = "memref.get_global"() {{.*}} : () -> memref<18xi64>
// CHECK: %[[AT:.*]] = "arith.muli"(%{{.*}}, %[[C33]])
// CHECK-NEXT: "arith.minsi"(%[[AT]], %[[C97]])
// The copies take every second column of the image's rows: two vector loads, from column c and
// from c + 3 (so that no lane reads past the last column used, c + 6), and one shuffle of their
// even and odd lanes, columns c, c + 2, c + 4, c + 6, stored as 4 consecutive elements. A row
// of 129 outputs inside the image (tap column 0 from output 1) ends with the vector of its last
// 4, which overlaps the one before it.
// CHECK: %[[LOW:.*]] = "vector.load"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (memref<1x2x259x259xf32>, index, index, index, index) -> vector<4xf32>
// CHECK-NEXT: %[[COL3:.*]] = "arith.addi"(%{{.*}}, %{{.*}}) : (index, index) -> index
// CHECK-NEXT: %[[HIGH:.*]] = "vector.load"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[COL3]]) : (memref<1x2x259x259xf32>, index, index, index, index) -> vector<4xf32>
// CHECK-NEXT: %[[EVEN:.*]] = "vector.shuffle"(%[[LOW]], %[[HIGH]]) {mask = [0, 2, 5, 7]} : (vector<4xf32>, vector<4xf32>) -> vector<4xf32>
// CHECK: "vector.store"(%[[EVEN]], %[[SHIFTED]], %{{.*}}) : (vector<4xf32>, memref<53044xf32>, index) -> ()
// CHECK: %[[LASTLOW:.*]] = "vector.load"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (memref<1x2x259x259xf32>, index, index, index, index) -> vector<4xf32>
// CHECK-NEXT: %[[LASTHIGH:.*]] = "vector.load"
// CHECK-NEXT: "vector.shuffle"(%[[LASTLOW]], %[[LASTHIGH]]) {mask = [0, 2, 5, 7]}
// Each B panel's rows are copied out of the shifted copies, row k from offset k of the table:
// CHECK: %[[START:.*]] = "memref.load"(%[[OFFSETS]], %[[K:.*]]) : (memref<18xi64>, index) -> i64
// CHECK-NEXT: %[[STARTI:.*]] = "arith.index_cast"(%[[START]])
// CHECK-NEXT: %[[COL:.*]] = "arith.muli"
// CHECK-NEXT: %[[Q:.*]] = "arith.addi"(%[[STARTI]], %[[COL]])
// CHECK-NEXT: %[[ROW:.*]] = "vector.load"(%[[SHIFTED]], %[[Q]]) : (memref<53044xf32>, index) -> vector<4xf32>
// CHECK-NEXT: "vector.store"(%[[ROW]], %{{.*}}, %[[K]], %{{.*}}) : (vector<4xf32>, memref<18x908xf32>, index, index) -> ()
// CHECK: "vector.fma"
// CHECK: sym_name = "conv_strided"
"func.func"() ({
^bb0(%x: tensor<1x2x259x259xf32>, %w: tensor<33x2x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x259x259xf32>, tensor<33x2x3x3xf32>) -> tensor<1x33x130x130xf32>
  "func.return"(%0) : (tensor<1x33x130x130xf32>) -> ()
}) {function_type = (tensor<1x2x259x259xf32>, tensor<33x2x3x3xf32>) -> tensor<1x33x130x130xf32>, sym_name = "conv_strided"} : () -> ()

// Dilated convolutions build the column matrix for blocks of output rows that fit in L2 (with
// l2-cache=1024 in the last equivalence run: 1024 / (4 bytes * 18 rows of k * 7 columns) = 2
// output rows), then the remaining row: blocks in a loop, and a last block of its own size.
// (With 64 output channels: with few, the turned product, which skips taps in the padding,
// takes dilated convolutions instead.)
// CHECK-LABEL: sym_name = "conv_row_blocks"
// BLOCKS-LABEL: sym_name = "conv_strided"
// BLOCKS-DAG: %[[C0:.*]] = "arith.constant"() {value = 0 : index}
// BLOCKS-DAG: %[[C2:.*]] = "arith.constant"() {value = 2 : index}
// BLOCKS-DAG: %[[C156:.*]] = "arith.constant"() {value = 156 : index}
// BLOCKS: %[[COLS:.*]] = "memref.alloc"() {{.*}} : () -> memref<18x14xf32>
// BLOCKS: "scf.for"(%[[C0]], %[[C156]], %[[C2]]) ({
// BLOCKS-NEXT: ^bb0(%[[Y0:.*]]: index):
// BLOCKS: "memref.store"(%{{.*}}, %[[COLS]], %{{.*}}, %{{.*}})
// BLOCKS: "vector.fma"
// BLOCKS: "vector.store"
// BLOCKS: "scf.yield"
// BLOCKS: "memref.store"(%{{.*}}, %[[COLS]], %{{.*}}, %{{.*}})
// BLOCKS: "vector.fma"
// BLOCKS: sym_name = "conv_row_blocks"
"func.func"() ({
^bb0(%x: tensor<1x2x159x9xf32>, %w: tensor<64x2x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {dilations = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x159x9xf32>, tensor<64x2x3x3xf32>) -> tensor<1x64x157x7xf32>
  "func.return"(%0) : (tensor<1x64x157x7xf32>) -> ()
}) {function_type = (tensor<1x2x159x9xf32>, tensor<64x2x3x3xf32>) -> tensor<1x64x157x7xf32>, sym_name = "conv_row_blocks"} : () -> ()

// Four A panels (24 output channels, tiles of 6) read each B panel of the shifted copies (72
// rows of k, longer than the blocks of k that go in sub-blocks, conv_1x1_sub_blocks): the
// panel's 72 rows of 4 columns are first copied into a contiguous scratch panel on the stack
// (the rows in the copies lie far apart and off vector alignment), which all four A panels
// then read (with fewer than four the copy costs more than it saves). The last panel (110 = 27 * 4 + 2 columns) reads the copies in place.
// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[C3:.*]] = "arith.constant"() {value = 3 : index}
// CHECK-DAG: %[[C26:.*]] = "arith.constant"() {value = 26 : index}
// CHECK: %[[SHIFTED:.*]] = "memref.alloc"() {{.*}} : () -> memref<3124xf32>
// CHECK: %[[OFFSETS:.*]] = "memref.get_global"() {{.*}} : () -> memref<72xi64>
// Each row's copy first asks for the far cache line of the same row in the next panel (its
// last column, 4 further on; the last full panel, 26, asks for its own).
// CHECK: %[[PANEL:.*]] = "memref.alloca"() {{.*}} : () -> memref<72x4xf32>
// CHECK-NEXT: %[[NEXT:.*]] = "arith.addi"(%[[JP:.*]], %{{.*}})
// CHECK-NEXT: %[[CLAMPED:.*]] = "arith.minsi"(%[[NEXT]], %[[C26]])
// CHECK-NEXT: "scf.for"
// CHECK-NEXT: ^bb0(%[[K:.*]]: index):
// CHECK-NEXT: %[[START:.*]] = "memref.load"(%[[OFFSETS]], %[[K]]) : (memref<72xi64>, index) -> i64
// CHECK-NEXT: %[[STARTI:.*]] = "arith.index_cast"(%[[START]])
// CHECK-NEXT: %[[NCOL:.*]] = "arith.muli"(%[[CLAMPED]], %{{.*}})
// CHECK-NEXT: %[[NLAST:.*]] = "arith.addi"(%[[NCOL]], %[[C3]])
// CHECK-NEXT: %[[NQ:.*]] = "arith.addi"(%[[STARTI]], %[[NLAST]])
// CHECK-NEXT: "memref.prefetch"(%[[SHIFTED]], %[[NQ]]) {isDataCache = true, isWrite = false, localityHint = 3 : i32} : (memref<3124xf32>, index) -> ()
// CHECK-NEXT: %[[START2:.*]] = "memref.load"(%[[OFFSETS]], %[[K]]) : (memref<72xi64>, index) -> i64
// CHECK-NEXT: %[[STARTI2:.*]] = "arith.index_cast"(%[[START2]])
// CHECK-NEXT: %[[COL:.*]] = "arith.muli"(%[[JP]], %{{.*}})
// CHECK-NEXT: %[[Q:.*]] = "arith.addi"(%[[STARTI2]], %[[COL]])
// CHECK-NEXT: %[[ROW:.*]] = "vector.load"(%[[SHIFTED]], %[[Q]]) : (memref<3124xf32>, index) -> vector<4xf32>
// CHECK-NEXT: "vector.store"(%[[ROW]], %[[PANEL]], %[[K]], %{{.*}}) : (vector<4xf32>, memref<72x4xf32>, index, index) -> ()
// CHECK: "scf.for"
// CHECK: ^bb0(%[[K2:.*]]: index, %{{.*}}: vector<4xf32>
// CHECK-NEXT: "vector.load"(%[[PANEL]], %[[K2]], %{{.*}}) : (memref<72x4xf32>, index, index) -> vector<4xf32>
// CHECK: "vector.fma"
// CHECK: ^bb0(%[[K3:.*]]: index, %{{.*}}: vector<4xf32>
// CHECK: "vector.load"(%[[SHIFTED]], %{{.*}}) : (memref<3124xf32>, index) -> vector<4xf32>
// CHECK: sym_name = "conv_panels_copied"
"func.func"() ({
^bb0(%x: tensor<1x8x11x10xf32>, %w: tensor<24x8x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x8x11x10xf32>, tensor<24x8x3x3xf32>) -> tensor<1x24x11x10xf32>
  "func.return"(%0) : (tensor<1x24x11x10xf32>) -> ()
}) {function_type = (tensor<1x8x11x10xf32>, tensor<24x8x3x3xf32>) -> tensor<1x24x11x10xf32>, sym_name = "conv_panels_copied"} : () -> ()

// Rows of whole vectors (12 columns, vectors of 4) start on vector boundaries in the shifted
// copies: the four A panels read each B panel there in place, with no copy on the stack.
// CHECK-LABEL: "func.func"
// CHECK: %[[SHIFTED:.*]] = "memref.alloc"() {{.*}} : () -> memref<3748xf32>
// CHECK-NOT: "memref.alloca"
// CHECK: "vector.load"(%[[SHIFTED]], %{{.*}}) : (memref<3748xf32>, index) -> vector<4xf32>
// CHECK: "vector.fma"
// CHECK-NOT: "memref.alloca"
// CHECK: sym_name = "conv_panels_in_place"
"func.func"() ({
^bb0(%x: tensor<1x8x11x12xf32>, %w: tensor<24x8x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x8x11x12xf32>, tensor<24x8x3x3xf32>) -> tensor<1x24x11x12xf32>
  "func.return"(%0) : (tensor<1x24x11x12xf32>) -> ()
}) {function_type = (tensor<1x8x11x12xf32>, tensor<24x8x3x3xf32>) -> tensor<1x24x11x12xf32>, sym_name = "conv_panels_in_place"} : () -> ()

// A 1 x 1 convolution reads the image's rows as B; with four A panels each B panel (72 rows of
// 4 pixels, the rows a plane apart) is copied to the stack first, as for the shifted copies
// (for 72 rows of k; with 64 or fewer see conv_1x1_sub_blocks). The micro-kernels then ask for
// row k of the next panel (the last panel's: itself) into L2 as they read row k of the copy
// (memref.prefetch, locality 2), each of the first nv A panels a line of it: here one vector.
// CHECK-LABEL: "func.func"
// CHECK: %[[IMAGES:.*]] = "memref.collapse_shape"(%{{.*}}) {{.*}} : (memref<1x72x4x8xf32>) -> memref<1x72x32xf32>
// CHECK: ^bb0(%[[JP:.*]]: index):
// CHECK-NEXT: %[[PANEL:.*]] = "memref.alloca"() {{.*}} : () -> memref<72x4xf32>
// CHECK-NEXT: %[[NEXT1:.*]] = "arith.addi"(%[[JP]], %{{.*}})
// CHECK-NEXT: %[[NEXT:.*]] = "arith.minsi"(%[[NEXT1]], %{{.*}})
// CHECK-NEXT: "scf.for"
// CHECK-NEXT: ^bb0(%[[K:.*]]: index):
// CHECK-NEXT: %[[COL:.*]] = "arith.muli"(%[[JP]], %{{.*}})
// CHECK-NEXT: %[[ROW:.*]] = "vector.load"(%[[IMAGES]], %{{.*}}, %[[K]], %[[COL]]) : (memref<1x72x32xf32>, index, index, index) -> vector<4xf32>
// CHECK-NEXT: "vector.store"(%[[ROW]], %[[PANEL]], %[[K]], %{{.*}}) : (vector<4xf32>, memref<72x4xf32>, index, index) -> ()
// CHECK-NOT: "memref.prefetch"
// CHECK: ^bb0(%[[K2:.*]]: index, %{{.*}}: vector<4xf32>
// CHECK-NEXT: %[[AHEAD:.*]] = "arith.muli"(%[[NEXT]], %{{.*}})
// CHECK-NEXT: "memref.prefetch"(%[[IMAGES]], %{{.*}}, %[[K2]], %[[AHEAD]]) {isDataCache = true, isWrite = false, localityHint = 2 : i32} : (memref<1x72x32xf32>, index, index, index) -> ()
// CHECK-NEXT: "vector.load"(%[[PANEL]], %[[K2]], %{{.*}}) : (memref<72x4xf32>, index, index) -> vector<4xf32>
// CHECK: sym_name = "conv_1x1_panels_copied"
"func.func"() ({
^bb0(%x: tensor<1x72x4x8xf32>, %w: tensor<24x72x1x1xf32>):
  %0 = "nn.conv"(%x, %w) : (tensor<1x72x4x8xf32>, tensor<24x72x1x1xf32>) -> tensor<1x24x4x8xf32>
  "func.return"(%0) : (tensor<1x24x4x8xf32>) -> ()
}) {function_type = (tensor<1x72x4x8xf32>, tensor<24x72x1x1xf32>) -> tensor<1x24x4x8xf32>, sym_name = "conv_1x1_panels_copied"} : () -> ()

// A short k (3 rows) turns the order of the panels around: each A panel runs along a sub-block
// of B panels (here all 8 of 4 pixels: 3 x 32 floats fit the quarter of L2) before the next A
// panel, so that its tiles write its 6 rows of C along the sub-block rather than a vector to
// each of the 24 rows per B panel. With four A panels the sub-block is copied to the stack
// first, each row of k in one run along the image's row.
// CHECK-LABEL: "func.func"
// CHECK: %[[IMAGES:.*]] = "memref.collapse_shape"(%{{.*}}) {{.*}} : (memref<1x3x4x8xf32>) -> memref<1x3x32xf32>
// CHECK: %[[PLANES:.*]] = "memref.collapse_shape"(%{{.*}}) {{.*}} : (memref<1x24x4x8xf32>) -> memref<1x24x32xf32>
// CHECK-NEXT: %[[BLOCK:.*]] = "memref.alloca"() {{.*}} : () -> memref<3x32xf32>
// CHECK-NEXT: "scf.for"
// CHECK-NEXT: ^bb0(%[[K:.*]]: index):
// CHECK-NEXT: "scf.for"
// CHECK-NEXT: ^bb0(%[[JP:.*]]: index):
// CHECK-NEXT: %[[COL:.*]] = "arith.muli"(%[[JP]], %{{.*}})
// CHECK-NEXT: %[[ROW:.*]] = "vector.load"(%[[IMAGES]], %{{.*}}, %[[K]], %[[COL]]) : (memref<1x3x32xf32>, index, index, index) -> vector<4xf32>
// CHECK-NEXT: "vector.store"(%[[ROW]], %[[BLOCK]], %[[K]], %[[COL]]) : (vector<4xf32>, memref<3x32xf32>, index, index) -> ()
// The A panels outside, the B panels inside:
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[IP:.*]]: index):
// CHECK-NEXT: "scf.for"
// CHECK-NEXT: ^bb0(%[[JP2:.*]]: index):
// CHECK-NEXT: %[[R:.*]] = "arith.muli"(%[[IP]], %{{.*}})
// CHECK-NEXT: %[[C:.*]] = "arith.muli"(%[[JP2]], %{{.*}})
// CHECK: ^bb0(%[[K2:.*]]: index, %{{.*}}: vector<4xf32>
// CHECK-NEXT: "vector.load"(%[[BLOCK]], %[[K2]], %[[C]]) : (memref<3x32xf32>, index, index) -> vector<4xf32>
// CHECK: "vector.store"(%{{.*}}, %[[PLANES]], %{{.*}}, %[[R]], %[[C]])
// CHECK: sym_name = "conv_1x1_sub_blocks"
"func.func"() ({
^bb0(%x: tensor<1x3x4x8xf32>, %w: tensor<24x3x1x1xf32>):
  %0 = "nn.conv"(%x, %w) : (tensor<1x3x4x8xf32>, tensor<24x3x1x1xf32>) -> tensor<1x24x4x8xf32>
  "func.return"(%0) : (tensor<1x24x4x8xf32>) -> ()
}) {function_type = (tensor<1x3x4x8xf32>, tensor<24x3x1x1xf32>) -> tensor<1x24x4x8xf32>, sym_name = "conv_1x1_sub_blocks"} : () -> ()

// With two A panels (14 channels: 6 + 6 + a lower panel of 2) the sub-block is read in place.
// In BLOCKS (an L2 of 1 KiB) a quarter of L2 holds 5 panels of 3 x 4 floats: the 8 full B
// panels go in sub-blocks [0, 5) and [5, 8), in each the two A panels and the lower one along
// the sub-block; the last 3 pixels (a narrow B panel) follow in BLIS's order.
// CHECK-LABEL: "func.func"
// CHECK-NOT: "memref.alloca"
// CHECK: sym_name = "conv_1x1_sub_blocks_in_place"
// BLOCKS-LABEL: sym_name = "conv_1x1_sub_blocks"
// BLOCKS-DAG: %[[C0:.*]] = "arith.constant"() {value = 0 : index}
// BLOCKS-DAG: %[[C1:.*]] = "arith.constant"() {value = 1 : index}
// BLOCKS-DAG: %[[C2:.*]] = "arith.constant"() {value = 2 : index}
// BLOCKS-DAG: %[[C5:.*]] = "arith.constant"() {value = 5 : index}
// BLOCKS-DAG: %[[C8:.*]] = "arith.constant"() {value = 8 : index}
// BLOCKS-DAG: %[[C12:.*]] = "arith.constant"() {value = 12 : index}
// BLOCKS: %[[IMAGES:.*]] = "memref.collapse_shape"(%{{.*}}) {{.*}} : (memref<1x3x5x7xf32>) -> memref<1x3x35xf32>
// BLOCKS: "scf.for"(%[[C0]], %[[C8]], %[[C5]]) ({
// BLOCKS-NEXT: ^bb0(%[[JB:.*]]: index):
// BLOCKS-NEXT: %[[JB5:.*]] = "arith.addi"(%[[JB]], %[[C5]])
// BLOCKS-NEXT: %[[END:.*]] = "arith.minsi"(%[[JB5]], %[[C8]])
// BLOCKS-NEXT: "scf.for"(%[[C0]], %[[C2]], %[[C1]]) ({
// BLOCKS-NEXT: ^bb0(%[[IP:.*]]: index):
// BLOCKS-NEXT: "scf.for"(%[[JB]], %[[END]], %[[C1]]) ({
// BLOCKS: "vector.load"(%[[IMAGES]], %{{.*}}) : (memref<1x3x35xf32>, index, index, index) -> vector<4xf32>
// BLOCKS: "vector.fma"
// The lower A panel (rows 12 and 13) along the same sub-block:
// BLOCKS: "scf.for"(%[[JB]], %[[END]], %[[C1]]) ({
// BLOCKS: "vector.store"(%{{.*}}, %{{.*}}, %{{.*}}, %[[C12]], %{{.*}})
// BLOCKS: "vector.transfer_read"(%[[IMAGES]]
// BLOCKS: sym_name = "conv_1x1_sub_blocks_in_place"
"func.func"() ({
^bb0(%x: tensor<1x3x5x7xf32>, %w: tensor<14x3x1x1xf32>):
  %0 = "nn.conv"(%x, %w) : (tensor<1x3x5x7xf32>, tensor<14x3x1x1xf32>) -> tensor<1x14x5x7xf32>
  "func.return"(%0) : (tensor<1x14x5x7xf32>) -> ()
}) {function_type = (tensor<1x3x5x7xf32>, tensor<14x3x1x1xf32>) -> tensor<1x14x5x7xf32>, sym_name = "conv_1x1_sub_blocks_in_place"} : () -> ()

// On two threads with the default parallel work, the shifted copies of the image (3 of 32
// channels of 10 x 32, 30720 elements, too little work for a parallel loop of their own) go to
// the threads over the channels, because the product that reads them does: built serially
// they kept the other thread waiting (the OCR CNN on two threads: 15% of a run).
// COPY: sym_name = "conv_1x1_sub_blocks_in_place"
// COPY: %[[COPIES:.*]] = "memref.alloc"() {{.*}} : () -> memref<30728xf32>
// COPY: "scf.parallel"
// COPY: "memref.store"(%{{.*}}, %[[COPIES]], %{{.*}})
// COPY: "scf.parallel"
// COPY: "vector.fma"
// COPY: sym_name = "conv_copies_on_threads"
"func.func"() ({
^bb0(%x: tensor<1x32x8x32xf32>, %w: tensor<64x32x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x32x8x32xf32>, tensor<64x32x3x3xf32>) -> tensor<1x64x8x32xf32>
  "func.return"(%0) : (tensor<1x64x8x32xf32>) -> ()
}) {function_type = (tensor<1x32x8x32xf32>, tensor<64x32x3x3xf32>) -> tensor<1x64x8x32xf32>, sym_name = "conv_copies_on_threads"} : () -> ()
