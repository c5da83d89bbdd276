// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 winograd=false l2-cache=61440},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 winograd=false threads=2 parallel-work=1 l2-cache=28672},canonicalize,cse' | FileCheck %s --check-prefix=PARTS
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 winograd=false l2-cache=61440},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 winograd=false threads=2 parallel-work=1 l2-cache=28672},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16 winograd=false l2-cache=32768},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// The turned product (output channels in the lanes) of one image whose rows of the product
// outgrow half of L2 (1024 pixels x 16 channels, 64 KiB, with a 60 KiB L2) is multiplied and
// copied out in chunks of 240 rows (a multiple of the tiles' 8 rows and the vectors' 16 pixels,
// at most a quarter of L2), each through the same scratch rows of the product while they are
// still in L2: four chunks of 240 (15 transposed blocks each), then one of 64.
// CHECK: %[[SCRATCH:.*]] = "memref.alloc"() {{.*}} -> memref<240x16xf32>
// CHECK: "scf.for"(%[[ZERO:[^,]*]], %[[FOUR:[^,]*]], %[[ONE:[^,]*]]) ({
// CHECK: "memref.subview"(%[[SCRATCH]], %[[ZERO]]) {{.*}} static_sizes = array<i64: 240, 16>
// CHECK: "vector.fma"
// CHECK: "scf.for"(%[[ZERO]], %[[FIFTEEN:[^,]*]], %[[ONE]]) ({
// CHECK: "vector.shuffle"
// CHECK: "memref.subview"(%[[SCRATCH]], %[[ZERO]]) {{.*}} static_sizes = array<i64: 64, 16>
// CHECK: "vector.fma"
// CHECK: sym_name = "conv_chunks"

// On two threads (with a 28 KiB L2, so that a thread's 512 rows of the product, 32 KiB, do not
// fit in half of it) the chunks are of at most a quarter of L2 (112 rows) and small enough for
// each thread to have at least four (a faster core takes the slower one's last chunks). Of
// those sizes, whole multiples of the tiles' 8 rows, 64 lets the two threads finish together
// (ChunkSchedule): sixteen chunks, eight in each thread's range of the parallel loop. (Chunks
// of 112 rows, ten of them, left 560 rows in the first range and 464 in the second.) Each
// chunk is an iteration that multiplies and copies it out through the scratch rows of the
// thread that runs it (omp_get_thread_num). The threads' scratch rows lie 32768 rows (2 MiB)
// apart, each thread's in its own region of the function's slot space (Buffers.OpSlots),
// where every op's slots of that thread go.
// PARTS: sym_name = "omp_get_thread_num", sym_visibility = "private"
// PARTS-DAG: %[[STRIDE:.*]] = "arith.constant"() {value = 32768 : index}
// PARTS-DAG: %[[C64:.*]] = "arith.constant"() {value = 64 : index}
// PARTS-DAG: %[[C16:.*]] = "arith.constant"() {value = 16 : index}
// PARTS: %[[SPACE:.*]] = "memref.alloc"() {{.*}} -> memref<4194304xi8>
// PARTS: %[[SCRATCH:.*]] = "memref.view"(%[[SPACE]], %{{.*}}) : (memref<4194304xi8>, index) -> memref<65536x16xf32>
// PARTS: "scf.parallel"(%{{.*}}, %[[C16]], %{{.*}}) ({
// PARTS-NEXT: ^bb0(%[[CHUNK:.*]]: index):
// PARTS-NEXT: "arith.muli"(%[[CHUNK]], %[[C64]])
// PARTS-NEXT: "arith.muli"(%[[CHUNK]],
// PARTS-NEXT: %[[TID:.*]] = "func.call"() {callee = @omp_get_thread_num} : () -> i32
// PARTS-NEXT: %[[T:.*]] = "arith.index_cast"(%[[TID]]) : (i32) -> index
// PARTS-NEXT: %[[AT:.*]] = "arith.muli"(%[[T]], %[[STRIDE]])
// PARTS: "memref.subview"(%[[SCRATCH]], %[[AT]]) {{.*}} static_sizes = array<i64: 64, 16>
// PARTS: "vector.fma"
// PARTS-NOT: "scf.parallel"
// PARTS: sym_name = "conv_chunks"

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_chunks"

// Few pixels (7 x 7, 25 for each of two threads): chunks of whole 6-row A panels. Of 48 rows
// (whole multiples of the panels and of the 16-pixel vectors) one thread would take 48 rows and
// the other 1, so the chunks are of 24 rows: 24, 24 and 1, the parallel loop's two ranges 24
// and 25 rows (ChunkSchedule). Each chunk writes its rows of the product (it fits in L2: no
// scratch).
// PARTS-LABEL: ^bb0(%{{.*}}: tensor<1x16x7x7xf32>
// PARTS-DAG: %[[C24:.*]] = "arith.constant"() {value = 24 : index}
// PARTS-DAG: %[[C3:.*]] = "arith.constant"() {value = 3 : index}
// PARTS: %[[PRODUCT:.*]] = "memref.alloc"() {{.*}} -> memref<49x32xf32>
// PARTS: "scf.parallel"(%{{.*}}, %[[C3]], %{{.*}}) ({
// PARTS-NEXT: ^bb0(%[[CHUNK:.*]]: index):
// PARTS-NEXT: %[[ROW:.*]] = "arith.muli"(%[[CHUNK]], %[[C24]])
// PARTS-NOT: omp_get_thread_num
// PARTS: "memref.subview"(%[[PRODUCT]], %[[ROW]]) {{.*}} static_sizes = array<i64: 1, 32>
// PARTS: "memref.subview"(%[[PRODUCT]], %[[ROW]]) {{.*}} static_sizes = array<i64: 24, 32>
// PARTS: sym_name = "conv_small_chunks"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_small_chunks"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x32x32x32xf32>, %w: tensor<16x32x3x3xf32>, %b: tensor<16xf32>):
    %r = "nn.conv"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x32x32x32xf32>, tensor<16x32x3x3xf32>, tensor<16xf32>) -> tensor<1x16x32x32xf32>
    "func.return"(%r) : (tensor<1x16x32x32xf32>) -> ()
  }) {function_type = (tensor<1x32x32x32xf32>, tensor<16x32x3x3xf32>, tensor<16xf32>) -> tensor<1x16x32x32xf32>, sym_name = "conv_chunks"} : () -> ()
  "func.func"() ({
  ^bb0(%x: tensor<1x16x7x7xf32>, %w: tensor<32x16x3x3xf32>, %b: tensor<32xf32>):
    %r = "nn.conv"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x16x7x7xf32>, tensor<32x16x3x3xf32>, tensor<32xf32>) -> tensor<1x32x7x7xf32>
    "func.return"(%r) : (tensor<1x32x7x7xf32>) -> ()
  }) {function_type = (tensor<1x16x7x7xf32>, tensor<32x16x3x3xf32>, tensor<32xf32>) -> tensor<1x32x7x7xf32>, sym_name = "conv_small_chunks"} : () -> ()
}) : () -> ()
