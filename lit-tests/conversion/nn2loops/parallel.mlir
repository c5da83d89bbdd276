// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1},canonicalize,cse' | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=131072}' | FileCheck %s --check-prefix=SMALL
// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 parallel-work=1}' | FileCheck %s --check-prefix=SMALL
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{threads=3 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// With threads, loops over independent outputs become scf.parallel: the fewest outer loops
// that give each thread four iterations (here 2 x 8 for 2 threads), the inner ones staying
// scf.for. Below the parallel work (here 131072 element operations, twice the default) and with one
// thread, nothing is parallel:
// SMALL-NOT: "scf.parallel"

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "relu"
// EQUIV: sym_name = "pool"
// EQUIV: sym_name = "reduce"
// EQUIV: sym_name = "matmul_rows"
// EQUIV: sym_name = "matmul_columns"

// CHECK-LABEL: "func.func"
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x8x4x4xf32>
// CHECK: "scf.parallel"(%[[Z:.*]], %[[Z]], %[[C2:.*]], %[[C8:.*]], %[[C1:.*]], %[[C1]]) ({
// CHECK-NEXT: ^bb0(%[[N:.*]]: index, %[[C:.*]]: index):
// CHECK-NEXT: "scf.for"
// CHECK-NEXT: ^bb0(%[[H:.*]]: index):
// CHECK-NEXT: "scf.for"
// CHECK-NEXT: ^bb0(%[[W:.*]]: index):
// CHECK: "memref.store"(%{{.*}}, %[[OUT]], %[[N]], %[[C]], %[[H]], %[[W]])
// CHECK: operand_segment_sizes = array<i32: 2, 2, 2, 0>
// CHECK: sym_name = "relu"
"func.func"() ({
^bb0(%x: tensor<2x8x4x4xf32>):
  %0 = "nn.relu"(%x) : (tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32>
  "func.return"(%0) : (tensor<2x8x4x4xf32>) -> ()
}) {function_type = (tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32>, sym_name = "relu"} : () -> ()

// Dimensions of size 1 take no part: the 2-D pool runs in parallel over its planes (the
// channels), the rows of a plane and their vectors inside.
// CHECK-LABEL: "func.func"
// CHECK: "scf.parallel"(%{{.*}}, %{{.*}}, %{{.*}}) ({
// CHECK-NEXT: ^bb0(%{{.*}}: index):
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: "arith.cmpf"({{.*}}) {predicate = 2 : i64}
// CHECK: "vector.shuffle"
// CHECK: "arith.cmpf"({{.*}}) {predicate = 2 : i64}
// CHECK: sym_name = "pool"
"func.func"() ({
^bb0(%x: tensor<1x3x8x8xf32>):
  %0 = "nn.max_pool"(%x) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>
  "func.return"(%0) : (tensor<1x3x4x4xf32>) -> ()
}) {function_type = (tensor<1x3x8x8xf32>) -> tensor<1x3x4x4xf32>, sym_name = "pool"} : () -> ()

// A reduction is parallel over the outputs it keeps, each one summed by one thread (in
// vectors here: a sum over the last axis, see reduce-vectors.mlir):
// CHECK-LABEL: "func.func"
// CHECK: "scf.parallel"(%{{.*}}, %{{.*}}, %{{.*}}) ({
// CHECK-NEXT: ^bb0(%{{.*}}: index):
// CHECK: "vector.load"
// CHECK: "vector.shuffle"
// CHECK: sym_name = "reduce"
"func.func"() ({
^bb0(%x: tensor<4x6xf32>):
  %0 = "nn.reduce_sum"(%x) {axes = array<i64: 1>, keepdims = 0 : i64} : (tensor<4x6xf32>) -> tensor<4xf32>
  "func.return"(%0) : (tensor<4xf32>) -> ()
}) {function_type = (tensor<4x6xf32>) -> tensor<4xf32>, sym_name = "reduce"} : () -> ()

// The GEMM kernel with enough rows (4 A panels of 6): packing B in parallel over its panels
// (A is read in place), then the blocks of A panels (2 panels each, one block per thread) in
// parallel, each thread running its tiles over all of k.
// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[C2:.*]] = "arith.constant"() {value = 2 : index}
// CHECK-DAG: %[[C4:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: %[[PB:.*]] = "memref.alloc"() {{.*}} : () -> memref<3x8x4xf32>
// CHECK: "scf.parallel"
// CHECK: "memref.store"(%{{.*}}, %[[PB]],
// CHECK-NOT: "memref.alloc"
// CHECK: "scf.parallel"(%{{.*}}, %[[C4]], %[[C2]]) ({
// CHECK-NEXT: ^bb0(%[[IC:.*]]: index):
// CHECK-NEXT: "scf.for"
// CHECK-NEXT: ^bb0(%[[JP:.*]]: index):
// CHECK: "scf.for"(%[[IC]],
// CHECK: "vector.fma"
// CHECK: sym_name = "matmul_rows"
"func.func"() ({
^bb0(%a: tensor<20x8xf32>, %b: tensor<8x12xf32>):
  %0 = "nn.matmul"(%a, %b) : (tensor<20x8xf32>, tensor<8x12xf32>) -> tensor<20x12xf32>
  "func.return"(%0) : (tensor<20x12xf32>) -> ()
}) {function_type = (tensor<20x8xf32>, tensor<8x12xf32>) -> tensor<20x12xf32>, sym_name = "matmul_rows"} : () -> ()

// Too few rows for the threads (one panel of 3): they split the B panels (5 of 8 columns,
// read in place) instead, one panel to an iteration of one parallel loop outermost (so that
// a faster core can take the slower one's last panels).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%{{.*}}: tensor<3x8xf32>, %[[B:.*]]: tensor<8x40xf32>):
// CHECK-DAG: %[[C5:.*]] = "arith.constant"() {value = 5 : index}
// CHECK-DAG: %[[C1:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK: "scf.parallel"(%{{.*}}, %[[C5]], %[[C1]]) ({
// CHECK-NEXT: ^bb0(%[[JC:.*]]: index):
// CHECK: "scf.for"(%[[JC]], %{{.*}}, %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[JP:.*]]: index):
// CHECK-NEXT: %[[COL:.*]] = "arith.muli"(%[[JP]], %{{.*}})
// CHECK: "vector.load"(%[[BM]], %{{.*}}, %[[COL]])
// CHECK: "vector.fma"
// CHECK: sym_name = "matmul_columns"
"func.func"() ({
^bb0(%a: tensor<3x8xf32>, %b: tensor<8x40xf32>):
  %0 = "nn.matmul"(%a, %b) : (tensor<3x8xf32>, tensor<8x40xf32>) -> tensor<3x40xf32>
  "func.return"(%0) : (tensor<3x40xf32>) -> ()
}) {function_type = (tensor<3x8xf32>, tensor<8x40xf32>) -> tensor<3x40xf32>, sym_name = "matmul_columns"} : () -> ()

// A strided convolution on threads goes in bands of output rows (41 rows: 21, and 20 in the
// last band), one part per thread with a column matrix of its own (2 x k x 21 * 41; with 8 channels: fewer take the shifted copies, see
// conv-few-channels-threads.mlir), each
// band's product written into a view of its rows of the result, so that its masked last
// vector stops at the band. Each part's column matrix lies in the part's own region of the
// function's slot space (Buffers.OpSlots), 2 MiB (609 rows of 861 columns) after the other's.
// CHECK-LABEL: "func.func"
// CHECK: %[[SPACE:.*]] = "memref.alloc"() {{.*}} : () -> memref<4194792xi8>
// CHECK: %[[COLS:.*]] = "memref.view"(%[[SPACE]], %{{.*}}) : (memref<4194792xi8>, index) -> memref<2x609x861xf32>
// CHECK: "scf.parallel"
// CHECK-NEXT: ^bb0(%[[PART:.*]]: index):
// CHECK: "scf.if"
// CHECK: "memref.store"(%{{.*}}, %[[COLS]], %[[PART]],
// CHECK: static_sizes = array<i64: 1, 4, 820>
// CHECK: "vector.fma"
// CHECK: static_sizes = array<i64: 1, 4, 861>
// CHECK: sym_name = "conv_bands"
"func.func"() ({
^bb0(%x: tensor<1x8x81x81xf32>, %w: tensor<4x8x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x8x81x81xf32>, tensor<4x8x3x3xf32>) -> tensor<1x4x41x41xf32>
  "func.return"(%0) : (tensor<1x4x41x41xf32>) -> ()
}) {function_type = (tensor<1x8x81x81xf32>, tensor<4x8x3x3xf32>) -> tensor<1x4x41x41xf32>, sym_name = "conv_bands"} : () -> ()

// Not when its weights outnumber the image's copies (96 x 32 against 32 x 8 x 8: a 1 x 1
// projection at stride 2, as ResNet's): in bands every thread would multiply all the weights.
// The weights are packed (a parallel loop), the strided copy of the image made once (2048
// elements and a vector of slack; a parallel loop over its channels), then the whole product
// goes to the threads.
// CHECK-LABEL: "func.func"
// CHECK-NOT: memref<2x
// CHECK: "scf.parallel"
// CHECK: %[[COPIES:.*]] = "memref.alloc"() {{.*}} : () -> memref<2052xf32>
// CHECK: "scf.parallel"
// CHECK: "vector.store"(%{{.*}}, %[[COPIES]]
// CHECK: "scf.parallel"
// CHECK: "vector.fma"
// CHECK: sym_name = "conv_strided_weights"
"func.func"() ({
^bb0(%x: tensor<1x32x16x16xf32>, %w: tensor<96x32x1x1xf32>):
  %0 = "nn.conv"(%x, %w) {strides = array<i64: 2, 2>} : (tensor<1x32x16x16xf32>, tensor<96x32x1x1xf32>) -> tensor<1x96x8x8xf32>
  "func.return"(%0) : (tensor<1x96x8x8xf32>) -> ()
}) {function_type = (tensor<1x32x16x16xf32>, tensor<96x32x1x1xf32>) -> tensor<1x96x8x8xf32>, sym_name = "conv_strided_weights"} : () -> ()
