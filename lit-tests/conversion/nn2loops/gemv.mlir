// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 l2-cache=64},canonicalize,cse' | FileCheck %s --implicit-check-not='"nn.gemm' --implicit-check-not='"memref.global'
// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},canonicalize,cse' | FileCheck %s --check-prefix=TILED --implicit-check-not='"nn.gemm'
// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1},canonicalize,cse' | FileCheck %s --check-prefix=PARTS
// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2},canonicalize,cse' | FileCheck %s --check-prefix=MEMORY
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 l2-cache=64},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "fully_connected"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "many_blocks"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "memory_bound"
// EQUIV-NOT: changed the results

// One row against constant weights stored n x k (trans_b, as a fully connected layer): each
// output is a dot product with a row of W. Weights larger than half the L2 cache (64 bytes
// here) are read in place (no packed copy, no memref.global).
// A block of 4 outputs keeps one accumulator per row; k = 7 is one full step and a tail of 3
// read with zeros past k; shuffles and adds turn the 4 accumulators into one vector of their
// sums (lane r: row r), which starts from the bias. The last 2 rows are a masked block.
// CHECK: ^bb0(%[[X:.*]]: tensor<1x7xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[W:.*]] = "bufferization.to_memref"(%{{.*}}) : (tensor<6x7xf32>) -> memref<6x7xf32>
// CHECK: %[[C:.*]] = "bufferization.to_memref"(%{{.*}}) : (tensor<6xf32>) -> memref<6xf32>
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} -> memref<1x6xf32>
// CHECK: %[[XV:.*]] = "vector.load"(%[[XM]], %{{.*}}, %{{.*}}) : (memref<1x7xf32>, index, index) -> vector<4xf32>
// CHECK: %[[R0:.*]] = "vector.load"(%[[W]], %{{.*}}, %{{.*}}) : (memref<6x7xf32>, index, index) -> vector<4xf32>
// CHECK-NEXT: "vector.fma"(%[[R0]], %[[XV]], %{{.*}})
// CHECK-COUNT-3: "vector.fma"
// CHECK: "vector.transfer_read"(%[[XM]]
// CHECK-COUNT-4: "vector.fma"
// CHECK: "vector.shuffle"{{.*}}{mask = [0, 1, 4, 5]}
// CHECK: "vector.shuffle"{{.*}}{mask = [2, 3, 6, 7]}
// CHECK: "vector.shuffle"{{.*}}{mask = [0, 2, 4, 6]}
// CHECK: %[[ODD:.*]] = "vector.shuffle"{{.*}}{mask = [1, 3, 5, 7]}
// CHECK-NEXT: %[[SUMS:.*]] = "arith.addf"
// CHECK-NEXT: %[[BIAS:.*]] = "vector.load"(%[[C]], %{{.*}}) : (memref<6xf32>, index) -> vector<4xf32>
// CHECK-NEXT: %[[RES:.*]] = "arith.addf"(%[[SUMS]], %[[BIAS]])
// CHECK-NEXT: "vector.store"(%[[RES]], %[[OUT]], %{{.*}}, %{{.*}})
// CHECK-COUNT-4: "vector.fma"
// CHECK: "vector.transfer_write"(%{{.*}}, %[[OUT]], %{{.*}}, %{{.*}}) {in_bounds = [false]
// CHECK-LABEL: sym_name = "fully_connected"

// Weights that fit in half the L2 cache (the default 1 MiB) are reordered at compile time into
// tiles of 4 rows x 4 columns, each k step's tile in one piece: 2 blocks x 2 steps x 4 x 4, zeros
// past n = 6 and k = 7. Row r of block b at step s is tile (b, s, r); the tail step loads
// whole rows of the tile too (its zeros past k), and only x is read with zeros past k.
// TILED: memref.global{{.*}}dense<{{\[\[\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00], [-1.000000e+00, 5.000000e-01, 2.000000e+00, -3.000000e+00]
// TILED-SAME: [5.000000e+00, 6.000000e+00, 7.000000e+00, 0.000000e+00]
// TILED-SAME: tensor<2x2x4x4xf32>
// TILED-LABEL: ^bb0(%{{.*}}: tensor<1x7xf32>):
// TILED: %[[T:.*]] = "memref.get_global"() {{.*}} -> memref<2x2x4x4xf32>
// TILED: %[[XV:.*]] = "vector.load"(%{{.*}}, %{{.*}}, %{{.*}}) : (memref<1x7xf32>, index, index) -> vector<4xf32>
// TILED: %[[R0:.*]] = "vector.load"(%[[T]], %[[B:.*]], %[[S:.*]], %[[Z:.*]], %[[Z]]) : (memref<2x2x4x4xf32>, index, index, index, index) -> vector<4xf32>
// TILED-NEXT: "vector.fma"(%[[R0]], %[[XV]], %{{.*}})
// TILED-NEXT: %[[R1:.*]] = "vector.load"(%[[T]], %[[B]], %[[S]], %{{.*}}, %[[Z]])
// TILED-NEXT: "vector.fma"(%[[R1]], %[[XV]], %{{.*}})
// TILED: %[[XT:.*]] = "vector.transfer_read"
// TILED-NEXT: %[[T0:.*]] = "vector.load"(%[[T]], %[[B]], %{{.*}}, %[[Z]], %[[Z]])
// TILED-NEXT: "vector.fma"(%[[T0]], %[[XT]], %{{.*}})
// TILED: "vector.store"
// TILED: "vector.transfer_write"
// TILED-LABEL: sym_name = "fully_connected"
"builtin.module"() ({
^bb0:
  "func.func"() ({
  ^bb0(%x: tensor<1x7xf32>):
    %w = "nn.constant"() {value = dense<[[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], [-1.0, 0.5, 2.0, -3.0, 1.5, 0.25, 4.0], [0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0], [2.0, -2.0, 2.0, -2.0, 2.0, -2.0, 2.0], [9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0], [0.125, -0.5, 1.0, 3.0, -4.0, 0.75, -1.0]]> : tensor<6x7xf32>} : () -> tensor<6x7xf32>
    %c = "nn.constant"() {value = dense<[0.5, -1.0, 2.0, 0.0, 1.0, -0.5]> : tensor<6xf32>} : () -> tensor<6xf32>
    %0 = "nn.gemm"(%x, %w, %c) {trans_b = 1 : i64} : (tensor<1x7xf32>, tensor<6x7xf32>, tensor<6xf32>) -> tensor<1x6xf32>
    "func.return"(%0) : (tensor<1x6xf32>) -> ()
  }) {function_type = (tensor<1x7xf32>) -> tensor<1x6xf32>, sym_name = "fully_connected"} : () -> ()
}) : () -> ()

// -----

// Three full blocks of 4 outputs (and one masked) on two threads: the full blocks are one
// parallel loop, each block whole on one thread; the masked block follows it. k = 5 < 8 and
// 16 leaves the wider vectors only the tail.
// PARTS-LABEL: sym_name = "fully_connected"
// PARTS: "scf.parallel"
// PARTS: "vector.store"
// PARTS: "scf.yield"
// PARTS: "vector.transfer_write"
// PARTS-LABEL: sym_name = "many_blocks"
// CHECK-LABEL: sym_name = "many_blocks"
"builtin.module"() ({
^bb0:
  "func.func"() ({
  ^bb0(%x: tensor<1x5xf32>):
    %w = "nn.constant"() {value = dense<[[-0.7, -1.4, 0.6, -1.71, 0.14], [-0.54, -1.77, 0.03, -1.85, -0.27], [-1.72, -1.64, -0.3, 1.31, -1.5], [-1.11, 0.51, 1.79, 0.31, -0.41], [1.91, -1.81, 1.43, -0.84, -1.42], [-1.53, -0.77, 1.26, -1.28, 0.33], [0.56, -0.51, 0.19, -1.75, -1.76], [-1.18, 0.72, -0.29, -0.74, 0.34], [-0.19, -0.8, 1.18, 0.8, -1.02], [0.3, 0.1, 1.5, 0.92, -0.85], [1.92, -1.53, -0.33, 1.03, -1.39], [-0.04, -1.84, 0.67, 1.06, 0.29], [1.5, -0.75, 0.78, 0.38, 0.32]]> : tensor<13x5xf32>} : () -> tensor<13x5xf32>
    %0 = "nn.gemm"(%x, %w) {trans_b = 1 : i64} : (tensor<1x5xf32>, tensor<13x5xf32>) -> tensor<1x13xf32>
    "func.return"(%0) : (tensor<1x13xf32>) -> ()
  }) {function_type = (tensor<1x5xf32>) -> tensor<1x13xf32>, sym_name = "many_blocks"} : () -> ()
}) : () -> ()

// -----

// Whether threads pay counts the weights a block streams (16 x 2048 here, 4 blocks: 2^17, the
// default parallel work), not its 2048 vector FMAs: the product is bound by memory. With the
// default parallel work the blocks go to the two threads; the small products above do not.
// MEMORY-LABEL: sym_name = "fully_connected"
// MEMORY-NOT: "scf.parallel"
// MEMORY-LABEL: sym_name = "many_blocks"
// MEMORY: "scf.parallel"
// MEMORY: "vector.fma"
// MEMORY: sym_name = "memory_bound"
// CHECK-LABEL: sym_name = "memory_bound"
"builtin.module"() ({
^bb0:
  "func.func"() ({
  ^bb0(%x: tensor<1x2048xf32>):
    %w = "nn.constant"() {value = dense<0.5> : tensor<64x2048xf32>} : () -> tensor<64x2048xf32>
    %0 = "nn.gemm"(%x, %w) {trans_b = 1 : i64} : (tensor<1x2048xf32>, tensor<64x2048xf32>) -> tensor<1x64xf32>
    "func.return"(%0) : (tensor<1x64xf32>) -> ()
  }) {function_type = (tensor<1x2048xf32>) -> tensor<1x64xf32>, sym_name = "memory_bound"} : () -> ()
}) : () -> ()
