// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},canonicalize,cse' | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// Caches of a few KiB make blocks of k, of A panels and of B panels, with tails, even on these small shapes:
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 l2-cache=1024 l3-cache=2048},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "matmul"
// EQUIV: sym_name = "matmul_one"
// EQUIV: sym_name = "matmul_batched"
// EQUIV: sym_name = "matmul_batch_by_matrix"
// EQUIV: sym_name = "matmul_long_k"
// EQUIV: sym_name = "matmul_k_multiple_of_four"
// EQUIV: sym_name = "matmul_few_rows"

// With 4 lanes and 8 registers the tile is 6 rows of one vector (6 x 4). B (3 x 10) is packed
// into panels of 4 columns, the last one padded with zeros; A (7 x 3) is read in place, the
// micro-kernel's six rows from rows 0 to 5 of A (MLAS packs only B too).
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[A:.*]]: tensor<7x3xf32>, %[[B:.*]]: tensor<3x10xf32>):
// CHECK-DAG: %[[AM:.*]] = "bufferization.to_memref"(%[[A]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<7x10xf32>
// CHECK: %[[PB:.*]] = "memref.alloc"() {{.*}} : () -> memref<3x3x4xf32>
// CHECK: %[[X:.*]] = "memref.load"(%[[BM]], %{{.*}}, %{{.*}}) : (memref<3x10xf32>, index, index) -> f32
// CHECK: "memref.store"(%[[X]], %[[PB]], %{{.*}}, %{{.*}}, %{{.*}}) : (f32, memref<3x3x4xf32>, index, index, index) -> ()
// The padding of the last panel:
// CHECK: "memref.store"(%{{.*}}, %[[PB]], %{{.*}}, %{{.*}}, %{{.*}}) : (f32, memref<3x3x4xf32>, index, index, index) -> ()
// CHECK-NOT: "memref.alloc"
// The micro-kernel on the two full B panels: six accumulators carried through k as iter_args,
// one vector of the B panel per k, each A value broadcast and multiplied in with vector.fma;
// first, the next B panel's row at k is asked for into L2 (see gemm-prefetch-next-panel.mlir).
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[JP:.*]]: index):
// CHECK: %[[ZV:.*]] = "vector.broadcast"(%{{.*}}) : (f32) -> vector<4xf32>
// CHECK: %[[ACC:.*]]:6 = "scf.for"(%{{.*}}, %{{.*}}, %{{.*}}, %[[ZV]], %[[ZV]], %[[ZV]], %[[ZV]], %[[ZV]], %[[ZV]]) ({
// CHECK-NEXT: ^bb0(%[[K:.*]]: index, %[[C0:.*]]: vector<4xf32>, %[[C1:.*]]: vector<4xf32>, %{{.*}}: vector<4xf32>, %{{.*}}: vector<4xf32>, %{{.*}}: vector<4xf32>, %[[C5:.*]]: vector<4xf32>):
// CHECK-NEXT: "memref.prefetch"(%[[PB]], %{{.*}}, %[[K]], %{{.*}}) {{.*}}localityHint = 2
// CHECK-NEXT: %[[BV:.*]] = "vector.load"(%[[PB]], %[[JP]], %[[K]], %{{.*}}) : (memref<3x3x4xf32>, index, index, index) -> vector<4xf32>
// CHECK-NEXT: %[[A0:.*]] = "memref.load"(%[[AM]], %{{.*}}, %[[K]]) : (memref<7x3xf32>, index, index) -> f32
// CHECK-NEXT: %[[A0V:.*]] = "vector.broadcast"(%[[A0]]) : (f32) -> vector<4xf32>
// CHECK-NEXT: %[[F0:.*]] = "vector.fma"(%[[A0V]], %[[BV]], %[[C0]])
// CHECK-NEXT: %[[A1:.*]] = "memref.load"(%[[AM]], %{{.*}}, %[[K]])
// CHECK-NEXT: %[[A1V:.*]] = "vector.broadcast"(%[[A1]])
// CHECK-NEXT: %[[F1:.*]] = "vector.fma"(%[[A1V]], %[[BV]], %[[C1]])
// CHECK-COUNT-3: "vector.fma"
// CHECK: %[[F5:.*]] = "vector.fma"(%{{.*}}, %[[BV]], %[[C5]])
// CHECK-NEXT: "scf.yield"(%[[F0]], %[[F1]], %{{.*}}, %{{.*}}, %{{.*}}, %[[F5]])
// CHECK-COUNT-6: "vector.store"(%[[ACC]]#{{[0-5]}}, %[[OUT]], %{{.*}}, %{{.*}}) : (vector<4xf32>, memref<7x10xf32>, index, index) -> ()
// The last row of A, a one-row tile:
// CHECK: "scf.for"(%{{.*}}, %{{.*}}, %{{.*}}, %[[ZV]]) ({
// CHECK: "vector.fma"
// CHECK: "vector.store"
// The last B panel (columns 8 and 9): the stores leave the lanes past column 9 alone.
// CHECK: %[[T:.*]]:6 = "scf.for"
// CHECK-COUNT-6: "vector.transfer_write"(%[[T]]#{{[0-5]}}, %[[OUT]], %{{.*}}, %{{.*}}) {in_bounds = [false]
// CHECK: "vector.transfer_write"
// CHECK-NEXT: "bufferization.to_tensor"(%[[OUT]])
// CHECK: sym_name = "matmul"
"func.func"() ({
^bb0(%a: tensor<7x3xf32>, %b: tensor<3x10xf32>):
  %0 = "nn.matmul"(%a, %b) : (tensor<7x3xf32>, tensor<3x10xf32>) -> tensor<7x10xf32>
  "func.return"(%0) : (tensor<7x10xf32>) -> ()
}) {function_type = (tensor<7x3xf32>, tensor<3x10xf32>) -> tensor<7x10xf32>, sym_name = "matmul"} : () -> ()

// 1 x 1 x 1: one lane of one vector.
// CHECK-LABEL: "func.func"
// CHECK: "vector.fma"
// CHECK: "vector.transfer_write"
// CHECK: sym_name = "matmul_one"
"func.func"() ({
^bb0(%a: tensor<1x1xf32>, %b: tensor<1x1xf32>):
  %0 = "nn.matmul"(%a, %b) : (tensor<1x1xf32>, tensor<1x1xf32>) -> tensor<1x1xf32>
  "func.return"(%0) : (tensor<1x1xf32>) -> ()
}) {function_type = (tensor<1x1xf32>, tensor<1x1xf32>) -> tensor<1x1xf32>, sym_name = "matmul_one"} : () -> ()

// Both operands batched, with broadcasting: a loop over the result's batch packs B and runs
// the kernel on each matrix, reading A's only matrix in place.
// CHECK-LABEL: "func.func"
// CHECK: "scf.for"
// CHECK: "memref.load"(%{{.*}}) : (memref<2x5x6xf32>, index, index, index) -> f32
// CHECK: "memref.load"(%{{.*}}) : (memref<1x9x5xf32>, index, index, index) -> f32
// CHECK: "vector.fma"
// CHECK: sym_name = "matmul_batched"
"func.func"() ({
^bb0(%a: tensor<1x9x5xf32>, %b: tensor<2x5x6xf32>):
  %0 = "nn.matmul"(%a, %b) : (tensor<1x9x5xf32>, tensor<2x5x6xf32>) -> tensor<2x9x6xf32>
  "func.return"(%0) : (tensor<2x9x6xf32>) -> ()
}) {function_type = (tensor<1x9x5xf32>, tensor<2x5x6xf32>) -> tensor<2x9x6xf32>, sym_name = "matmul_batched"} : () -> ()

// One B for a batch of A: A's batch is more rows of a single product (collapse_shape).
// CHECK-LABEL: "func.func"
// CHECK: "memref.collapse_shape"(%{{.*}}) {{.*}} : (memref<3x4x5xf32>) -> memref<12x5xf32>
// CHECK: "memref.collapse_shape"(%{{.*}}) {{.*}} : (memref<3x4x6xf32>) -> memref<12x6xf32>
// CHECK: "vector.fma"
// CHECK: sym_name = "matmul_batch_by_matrix"
"func.func"() ({
^bb0(%a: tensor<3x4x5xf32>, %b: tensor<5x6xf32>):
  %0 = "nn.matmul"(%a, %b) : (tensor<3x4x5xf32>, tensor<5x6xf32>) -> tensor<3x4x6xf32>
  "func.return"(%0) : (tensor<3x4x6xf32>) -> ()
}) {function_type = (tensor<3x4x5xf32>, tensor<5x6xf32>) -> tensor<3x4x6xf32>, sym_name = "matmul_batch_by_matrix"} : () -> ()

// A long k, split into blocks by the small caches of the last run line; kept whole here. The
// micro-kernel takes four values of k per iteration (MatMulKernel.K_UNROLL) up to 68, then
// single ones up to 70.
// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[C68:.*]] = "arith.constant"() {value = 68 : index}
// CHECK-DAG: %[[C70:.*]] = "arith.constant"() {value = 70 : index}
// CHECK-DAG: %[[C4:.*]] = "arith.constant"() {value = 4 : index}
// CHECK-DAG: %[[C1:.*]] = "arith.constant"() {value = 1 : index}
// CHECK-DAG: %[[C0:.*]] = "arith.constant"() {value = 0 : index}
// CHECK: %[[FOURS:.*]]:6 = "scf.for"(%[[C0]], %[[C68]], %[[C4]],
// CHECK-COUNT-24: "vector.fma"
// CHECK-NOT: "vector.fma"
// CHECK: "scf.yield"
// CHECK-NEXT: })
// CHECK-NEXT: "scf.for"(%[[C68]], %[[C70]], %[[C1]], %[[FOURS]]#0, %[[FOURS]]#1, %[[FOURS]]#2, %[[FOURS]]#3, %[[FOURS]]#4, %[[FOURS]]#5)
// CHECK-COUNT-6: "vector.fma"
// CHECK-NOT: "vector.fma"
// CHECK: "scf.yield"
// CHECK: sym_name = "matmul_long_k"
"func.func"() ({
^bb0(%a: tensor<13x70xf32>, %b: tensor<70x11xf32>):
  %0 = "nn.matmul"(%a, %b) : (tensor<13x70xf32>, tensor<70x11xf32>) -> tensor<13x11xf32>
  "func.return"(%0) : (tensor<13x11xf32>) -> ()
}) {function_type = (tensor<13x70xf32>, tensor<70x11xf32>) -> tensor<13x11xf32>, sym_name = "matmul_long_k"} : () -> ()

// k = 8, a multiple of four known at compile time: no loop of single values of k after the
// unrolled one.
// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[C8:.*]] = "arith.constant"() {value = 8 : index}
// CHECK-DAG: %[[C4:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: %[[TILE:.*]]:6 = "scf.for"(%{{.*}}, %[[C8]], %[[C4]],
// CHECK-COUNT-24: "vector.fma"
// CHECK-NOT: "vector.fma"
// CHECK: "scf.yield"
// CHECK-NEXT: })
// CHECK-NEXT: "vector.store"(%[[TILE]]#0
// CHECK-NOT: "scf.for"
// CHECK: sym_name = "matmul_k_multiple_of_four"
"func.func"() ({
^bb0(%a: tensor<6x8xf32>, %b: tensor<8x4xf32>):
  %0 = "nn.matmul"(%a, %b) : (tensor<6x8xf32>, tensor<8x4xf32>) -> tensor<6x4xf32>
  "func.return"(%0) : (tensor<6x4xf32>) -> ()
}) {function_type = (tensor<6x8xf32>, tensor<8x4xf32>) -> tensor<6x4xf32>, sym_name = "matmul_k_multiple_of_four"} : () -> ()

// Fewer rows than a tile: each value of B meets one panel of A only, so B is read in place
// (its last panel with masked reads) instead of being packed.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%{{.*}}: tensor<3x40xf32>, %[[B:.*]]: tensor<40x10xf32>):
// CHECK: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK-NOT: "memref.alloc"() {{.*}} -> memref<2x40x8xf32>
// CHECK: "vector.load"(%[[BM]], %{{.*}}, %{{.*}}) : (memref<40x10xf32>, index, index) -> vector<4xf32>
// CHECK: "vector.transfer_read"(%[[BM]], %{{.*}}, %{{.*}}, %{{.*}}) {in_bounds = [false]
// CHECK: sym_name = "matmul_few_rows"
"func.func"() ({
^bb0(%a: tensor<3x40xf32>, %b: tensor<40x10xf32>):
  %0 = "nn.matmul"(%a, %b) : (tensor<3x40xf32>, tensor<40x10xf32>) -> tensor<3x10xf32>
  "func.return"(%0) : (tensor<3x10xf32>) -> ()
}) {function_type = (tensor<3x40xf32>, tensor<40x10xf32>) -> tensor<3x10xf32>, sym_name = "matmul_few_rows"} : () -> ()
