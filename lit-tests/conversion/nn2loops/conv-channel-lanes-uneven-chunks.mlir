// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2 parallel-work=1},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// The turned product of one 21 x 21 image (441 pixels, A panels of 6 rows) on two threads goes
// in chunks of 54 rows, nine of them, the last of 9 rows: 216 rows in the first thread's range
// of the parallel loop and 225 in the second's (ChunkSchedule). Chunks of 48 rows, whole
// multiples of the panels and of the 16-pixel vectors, made ten and left 240 rows to one thread
// and 201 to the other, which found the other range's last chunk already taken. A chunk of 54
// rows is copied out as three transposed blocks of 16 pixels and a partial one of 6, from
// wherever the chunk starts; the last chunk as a partial block of 9.
// CHECK-DAG: %[[C54:.*]] = "arith.constant"() {value = 54 : index}
// CHECK-DAG: %[[C9:.*]] = "arith.constant"() {value = 9 : index}
// CHECK: %[[PRODUCT:.*]] = "memref.alloc"() {{.*}} -> memref<441x64xf32>
// CHECK: "scf.parallel"(%{{.*}}, %[[C9]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[CHUNK:.*]]: index):
// CHECK-NEXT: %[[ROW:.*]] = "arith.muli"(%[[CHUNK]], %[[C54]])
// CHECK: "memref.subview"(%[[PRODUCT]], %[[ROW]]) {{.*}} static_sizes = array<i64: 9, 64>
// CHECK: "vector.fma"
// CHECK: "vector.transfer_write"({{.*}}memref<1x64x9xf32, strided
// CHECK: "memref.subview"(%[[PRODUCT]], %[[ROW]]) {{.*}} static_sizes = array<i64: 54, 64>
// CHECK: "vector.fma"
// CHECK: "vector.transfer_write"({{.*}}memref<1x64x6xf32, strided
// CHECK-NOT: "scf.parallel"
// CHECK: sym_name = "conv_uneven_chunks"

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_uneven_chunks"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x32x21x21xf32>, %w: tensor<64x32x3x3xf32>, %b: tensor<64xf32>):
    %r = "nn.conv"(%x, %w, %b) {dilations = array<i64: 2, 2>, pads = array<i64: 2, 2, 2, 2>} : (tensor<1x32x21x21xf32>, tensor<64x32x3x3xf32>, tensor<64xf32>) -> tensor<1x64x21x21xf32>
    "func.return"(%r) : (tensor<1x64x21x21xf32>) -> ()
  }) {function_type = (tensor<1x32x21x21xf32>, tensor<64x32x3x3xf32>, tensor<64xf32>) -> tensor<1x64x21x21xf32>, sym_name = "conv_uneven_chunks"} : () -> ()
}) : () -> ()
