// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2 parallel-work=1},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=8 vector-registers=16 threads=2 parallel-work=1},canonicalize,cse' | FileCheck %s --check-prefix=COPY
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// A 1 x 1 convolution whose image is read as B panels goes to the threads by its pixels when
// they split evenly: 256 pixels are 4 panels of 64, one panel to an iteration of the parallel
// loop (two for each thread's range, so that a faster core can take the slower one's last),
// each thread reading only the panels it multiplies (the 96 output channels, 16 panels of 6,
// would have split as evenly, but then each thread read the whole image). With 16 lanes the
// panels' rows (4 cache lines) are read in place (MatMulKernel.IN_PLACE_ROW_BYTES); with 8
// lanes (16 panels of 16 pixels) each thread copies its panels onto its own stack first.

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_1x1_columns_on_threads"

// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[ZERO:.*]] = "arith.constant"() {value = 0 : index} : () -> index
// CHECK-DAG: %[[ONE:.*]] = "arith.constant"() {value = 1 : index} : () -> index
// CHECK-DAG: %[[FOUR:.*]] = "arith.constant"() {value = 4 : index} : () -> index
// CHECK: %[[IMAGES:.*]] = "memref.collapse_shape"(%{{.*}}) {{.*}} : (memref<1x64x16x16xf32>) -> memref<1x64x256xf32>
// CHECK: "scf.parallel"(%[[ZERO]], %[[FOUR]], %[[ONE]])
// CHECK-NOT: "memref.alloca"
// CHECK: "vector.load"(%[[IMAGES]],
// CHECK: "vector.fma"
// CHECK-NOT: "memref.alloca"
// CHECK: sym_name = "conv_1x1_columns_on_threads"

// COPY-LABEL: "func.func"
// COPY: %[[IMAGES:.*]] = "memref.collapse_shape"(%{{.*}}) {{.*}} : (memref<1x64x16x16xf32>) -> memref<1x64x256xf32>
// COPY: "scf.parallel"
// COPY: %[[BLOCK:.*]] = "memref.alloca"() {{.*}} : () -> memref<64x256xf32>
// COPY: "vector.load"(%[[IMAGES]],
// COPY: "vector.store"(%{{.*}}, %[[BLOCK]],
// COPY: "vector.fma"
// COPY: sym_name = "conv_1x1_columns_on_threads"
"func.func"() ({
^bb0(%x: tensor<1x64x16x16xf32>, %w: tensor<96x64x1x1xf32>):
  %0 = "nn.conv"(%x, %w) : (tensor<1x64x16x16xf32>, tensor<96x64x1x1xf32>) -> tensor<1x96x16x16xf32>
  "func.return"(%0) : (tensor<1x96x16x16xf32>) -> ()
}) {function_type = (tensor<1x64x16x16xf32>, tensor<96x64x1x1xf32>) -> tensor<1x96x16x16xf32>, sym_name = "conv_1x1_columns_on_threads"} : () -> ()
