// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=16},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// A depthwise transposed convolution (4 x 4, stride 2, padding 1) is a direct kernel, no
// product and scatter: per channel (the weights and the bias broadcast once), each output row
// of a phase (oy mod 2) sums the window rows that reach it. Output row 0 only takes window row
// 1 from input row 0 (window row 3 would read row -1). Its even columns take taps 1 and 3,
// from input columns x and x - 1 (a vector moved right by one lane, a zero coming in), its odd
// columns taps 0 and 2, from x + 1 and x; two shuffles interleave them into columns 0-3 and
// 4-7. The last vector of the 14-column row is masked. Rows 2, 4, 6, 8 (input rows q and q - 1)
// are a loop.
// CHECK-LABEL: "func.func"
// CHECK-NOT: "memref.collapse_shape"
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} -> memref<1x3x10x14xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[C:.*]]: index):
// CHECK-COUNT-16: "memref.load"(%{{.*}}, %[[C]], %{{.*}}, %{{.*}}, %{{.*}}) : (memref<3x1x4x4xf32>, index, index, index, index) -> f32
// CHECK: %[[B:.*]] = "memref.load"(%{{.*}}, %[[C]]) : (memref<3xf32>, index) -> f32
// CHECK: %[[BV:.*]] = "vector.broadcast"(%[[B]]) : (f32) -> vector<4xf32>
// CHECK: %[[X0:.*]] = "vector.load"(%{{.*}}, %{{.*}}, %[[C]], %{{.*}}, %{{.*}}) : (memref<1x3x5x7xf32>, index, index, index, index) -> vector<4xf32>
// CHECK: %[[E1:.*]] = "vector.fma"(%[[X0]], %{{.*}}, %[[BV]])
// CHECK: %[[XM1:.*]] = "vector.shuffle"(%{{.*}}, %[[X0]]) {mask = [0, 4, 5, 6]}
// CHECK: %[[E:.*]] = "vector.fma"(%[[XM1]], %{{.*}}, %[[E1]])
// CHECK: %[[XP1:.*]] = "vector.load"
// CHECK: %[[O1:.*]] = "vector.fma"(%[[XP1]], %{{.*}}, %[[BV]])
// CHECK: %[[O:.*]] = "vector.fma"(%[[X0]], %{{.*}}, %[[O1]])
// CHECK: %[[LO:.*]] = "vector.shuffle"(%[[E]], %[[O]]) {mask = [0, 4, 1, 5]}
// CHECK: "vector.store"(%[[LO]], %[[OUT]], %{{.*}}, %[[C]], %{{.*}}, %{{.*}})
// CHECK: %[[HI:.*]] = "vector.shuffle"(%[[E]], %[[O]]) {mask = [2, 6, 3, 7]}
// CHECK: "vector.store"(%[[HI]], %[[OUT]], %{{.*}}, %[[C]], %{{.*}}, %{{.*}})
// CHECK: "vector.transfer_write"(%{{.*}}, %[[OUT]], %{{.*}}, %[[C]], %{{.*}}, %{{.*}}) {in_bounds = [false]
// CHECK: "scf.for"
// CHECK-NOT: "memref.store"
// CHECK: sym_name = "depthwise_4x4"
"func.func"() ({
^bb0(%x: tensor<1x3x5x7xf32>, %w: tensor<3x1x4x4xf32>, %b: tensor<3xf32>):
  %0 = "nn.conv_transpose"(%x, %w, %b) {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, group = 3 : i64} : (tensor<1x3x5x7xf32>, tensor<3x1x4x4xf32>, tensor<3xf32>) -> tensor<1x3x10x14xf32>
  "func.return"(%0) : (tensor<1x3x10x14xf32>) -> ()
}) {function_type = (tensor<1x3x5x7xf32>, tensor<3x1x4x4xf32>, tensor<3xf32>) -> tensor<1x3x10x14xf32>, sym_name = "depthwise_4x4"} : () -> ()

// An odd window with output padding, stride 3 down the rows and 1 along them (no shuffles:
// each vector of outputs is stored as it is), rows that no window row reaches (the bias alone).
// CHECK-LABEL: "func.func"
// CHECK-NOT: "vector.shuffle"{{.*}}mask = [0, 4, 1, 5]
// CHECK: sym_name = "depthwise_strides_3_1"
"func.func"() ({
^bb0(%x: tensor<2x2x4x9xf32>, %w: tensor<2x1x2x3xf32>, %b: tensor<2xf32>):
  %0 = "nn.conv_transpose"(%x, %w, %b) {strides = array<i64: 3, 1>, pads = array<i64: 0, 1, 1, 0>, output_padding = array<i64: 2, 0>, group = 2 : i64} : (tensor<2x2x4x9xf32>, tensor<2x1x2x3xf32>, tensor<2xf32>) -> tensor<2x2x12x10xf32>
  "func.return"(%0) : (tensor<2x2x12x10xf32>) -> ()
}) {function_type = (tensor<2x2x4x9xf32>, tensor<2x1x2x3xf32>, tensor<2xf32>) -> tensor<2x2x12x10xf32>, sym_name = "depthwise_strides_3_1"} : () -> ()

// An end padding longer than the input's rows: the one output row reads input row 0 only
// (window rows 1 and 2 would read rows -1 and -2), and no loop runs past it.
"func.func"() ({
^bb0(%x: tensor<1x2x1x4xf32>, %w: tensor<2x1x3x3xf32>):
  %0 = "nn.conv_transpose"(%x, %w) {pads = array<i64: 0, 0, 2, 0>, group = 2 : i64} : (tensor<1x2x1x4xf32>, tensor<2x1x3x3xf32>) -> tensor<1x2x1x6xf32>
  "func.return"(%0) : (tensor<1x2x1x6xf32>) -> ()
}) {function_type = (tensor<1x2x1x4xf32>, tensor<2x1x3x3xf32>) -> tensor<1x2x1x6xf32>, sym_name = "depthwise_long_end_pad"} : () -> ()

// Stride 2 along the rows with a window one column wide: the odd output columns take no tap
// (the bias alone).
"func.func"() ({
^bb0(%x: tensor<1x3x4x9xf32>, %w: tensor<3x1x3x1xf32>, %b: tensor<3xf32>):
  %0 = "nn.conv_transpose"(%x, %w, %b) {strides = array<i64: 1, 2>, pads = array<i64: 1, 0, 1, 0>, group = 3 : i64} : (tensor<1x3x4x9xf32>, tensor<3x1x3x1xf32>, tensor<3xf32>) -> tensor<1x3x4x17xf32>
  "func.return"(%0) : (tensor<1x3x4x17xf32>) -> ()
}) {function_type = (tensor<1x3x4x9xf32>, tensor<3x1x3x1xf32>, tensor<3xf32>) -> tensor<1x3x4x17xf32>, sym_name = "depthwise_narrow_window"} : () -> ()

// Interpreting the module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "depthwise_4x4"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "depthwise_strides_3_1"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "depthwise_long_end_pad"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "depthwise_narrow_window"
