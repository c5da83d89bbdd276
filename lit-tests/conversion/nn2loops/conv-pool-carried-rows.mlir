// RUN: %sol-opt %s --split-input-file -p 'nn-fuse,convert-nn-to-loops{vector-width=16 vector-registers=32 l2-cache=8192},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=16 vector-registers=32 l2-cache=8192},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2 parallel-work=1 l2-cache=8192},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1 l2-cache=4096},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// A convolution pooled band by band (ConvPool) where neighbouring bands share rows: a 3 x 3
// window at stride 2 reads one row of the band before, at stride 1 two. A thread's first band
// makes all of its convolution rows; each later one moves the shared rows from the band before
// to the front of the scratch and makes only the rest, by a second, shorter product that
// writes from the first row after them. The equivalence runs cover one thread (a run of 16
// output rows in bands of 3, the first band's rows moved down into the image and the last
// one's up, so that it carries more rows than it shares), two threads (runs of 8), and
// vectors of 4.

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "carried_rows"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "carried_rows_stride_one"

// One thread, L2 of 8 KiB: bands of 3 output rows, 7 convolution rows of 8 channels x 16
// columns in the scratch. Band 0 makes all 7 rows (112 columns of the product); every later
// band copies the band before's row from (its first row - the band before's first row) to row
// 0, a vector per channel, and makes 6 rows (96 columns), storing them from column 16 on.
// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[C16:.*]] = "arith.constant"() {value = 16 : index}
// CHECK-DAG: %[[C0:.*]] = "arith.constant"() {value = 0 : index}
// CHECK-DAG: %[[SCRATCH:.*]] = "memref.alloc"() {{.*}} -> memref<1x8x7x16xf32>
// CHECK: %[[PLANES:.*]] = "memref.collapse_shape"(%[[SCRATCH]]) {{.*}} -> memref<1x8x112xf32>
// CHECK: "scf.for"
// CHECK: ^bb0(%[[BAND:.*]]: index):
// CHECK: "arith.maxsi"
// CHECK-NEXT: %[[FIRST:.*]] = "arith.minsi"
// CHECK-NEXT: %[[IS0:.*]] = "arith.cmpi"(%[[BAND]], %[[C0]]) {predicate = 0 : i64}
// CHECK-NEXT: "scf.if"(%[[IS0]])
// CHECK: "vector.fma"
// CHECK: "vector.store"(%{{.*}}, %[[PLANES]]
// CHECK: }, {
// CHECK: %[[BEFORE:.*]] = "arith.minsi"
// CHECK-NEXT: %[[FROM:.*]] = "arith.subi"(%[[FIRST]], %[[BEFORE]])
// CHECK-NEXT: "scf.for"
// CHECK-NEXT: ^bb0(%[[CH:.*]]: index):
// CHECK-NEXT: %[[ROW:.*]] = "vector.load"(%[[SCRATCH]], %[[C0]], %[[CH]], %[[FROM]], %[[C0]])
// CHECK-NEXT: "vector.store"(%[[ROW]], %[[SCRATCH]], %[[C0]], %[[CH]], %[[C0]], %[[C0]])
// CHECK: "vector.fma"
// CHECK: }) : (i1) -> (vector<16xf32>
// CHECK-NEXT: %[[AT:.*]] = "arith.addi"(%{{.*}}, %[[C16]])
// CHECK-NEXT: "vector.store"(%{{.*}}, %[[PLANES]], %[[C0]], %[[C0]], %[[AT]])
// CHECK: sym_name = "carried_rows"
"func.func"() ({
^bb0(%x: tensor<1x3x32x16xf32>, %w: tensor<8x3x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x32x16xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x32x16xf32>
  %1 = "nn.relu"(%0) : (tensor<1x8x32x16xf32>) -> tensor<1x8x32x16xf32>
  %2 = "nn.max_pool"(%1) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x8x32x16xf32>) -> tensor<1x8x16x8xf32>
  "func.return"(%2) : (tensor<1x8x16x8xf32>) -> ()
}) {function_type = (tensor<1x3x32x16xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x16x8xf32>, sym_name = "carried_rows"} : () -> ()

// -----

// A 3 x 3 pool at stride 1: bands of 6 output rows hold 8 convolution rows, of which the next
// band shares two, carried over in a loop over channels and rows.
// CHECK-LABEL: "func.func"
// CHECK: %[[SCRATCH:.*]] = "memref.alloc"() {{.*}} -> memref<1x8x8x16xf32>
// CHECK: "scf.if"
// CHECK: %[[ROW:.*]] = "vector.load"(%[[SCRATCH]], %{{.*}}, %[[CH:[^,]*]], %{{[^,]*}}, %{{.*}}) : (memref<1x8x8x16xf32>
// CHECK-NEXT: "vector.store"(%[[ROW]], %[[SCRATCH]], %{{.*}}, %[[CH]], %{{arg[0-9]+}}, %{{.*}})
// CHECK: sym_name = "carried_rows_stride_one"
"func.func"() ({
^bb0(%x: tensor<1x3x32x16xf32>, %w: tensor<8x3x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x32x16xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x32x16xf32>
  %1 = "nn.max_pool"(%0) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x8x32x16xf32>) -> tensor<1x8x32x16xf32>
  "func.return"(%1) : (tensor<1x8x32x16xf32>) -> ()
}) {function_type = (tensor<1x3x32x16xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x32x16xf32>, sym_name = "carried_rows_stride_one"} : () -> ()
