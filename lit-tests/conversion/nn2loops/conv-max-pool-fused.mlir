// RUN: %sol-opt %s --split-input-file -p 'nn-fuse,convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2 parallel-work=1},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2 parallel-work=1 l2-cache=8192},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1 l2-cache=4096},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=0},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn-fuse's rule "pool": a convolution, its ReLU and the max pool after them in one kernel,
// which pools the convolution's rows band by band as it makes them. The equivalence runs
// take several bands per thread (a small L2 cache: bands of 2 and of 1 output rows, whose
// convolution rows at the bottom move up into the image), vectors of 8 and 4 lanes, and no
// vectors (then the group is split again: the convolution's group, then the pool).

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "stem_pool"
// EQUIV: sym_name = "pool_after_conv_images"
// EQUIV: sym_name = "pool_ceil_mode"
// EQUIV: sym_name = "pool_after_1x1"
// EQUIV: sym_name = "only_pool"
// EQUIV: sym_name = "pool_of_the_conv"
// EQUIV: sym_name = "group_yields_the_conv"

// A network's stem: 7 x 7 at stride 2 over 3 channels, then a 3 x 3 max pool at stride 2.
// One parallel loop over the two threads, each taking a run of the 8 output rows (from
// p * 8 / 2) in bands of 4: each band makes the 12 rows of the shifted copies it reads in the
// thread's own slot (7 tap columns x 2 row phases x 3 channels x 12 rows x 15 columns, and a
// vector of slack), the band's 9 rows of the convolution in the thread's scratch (8 channels
// x 9 rows x 15 columns), through the bias and the ReLU, then pools them into the result.
// Each thread's slot of the copies and of the scratch lies in the thread's own region of the
// function's slot space (Buffers.OpSlots), 2 MiB after the other thread's: slots 524288
// elements apart, and 3884 channels of 9 x 15.
// The convolution's 1x8x15x15 result is never allocated.
// CHECK-LABEL: "func.func"
// CHECK-NOT: memref<1x8x15x15xf32>
// CHECK-DAG: %[[SLOT:.*]] = "arith.constant"() {value = 524288 : index}
// CHECK-DAG: %[[SPACE:.*]] = "memref.alloc"() {{.*}} -> memref<4225056xi8>
// CHECK-DAG: %[[COPIES:.*]] = "memref.view"(%[[SPACE]], %{{.*}}) : (memref<4225056xi8>, index) -> memref<1048576xf32>
// CHECK-DAG: %[[SCRATCH:.*]] = "memref.view"(%[[SPACE]], %{{.*}}) : (memref<4225056xi8>, index) -> memref<2x3884x9x15xf32>
// CHECK-DAG: %[[OUT:.*]] = "memref.alloc"() {{.*}} -> memref<1x8x8x8xf32>
// CHECK: %[[PLANES:.*]] = "memref.collapse_shape"(%[[SCRATCH]])
// CHECK: "scf.parallel"
// CHECK: "memref.alloca"
// CHECK: "scf.for"
// CHECK: "arith.muli"(%{{.*}}, %[[SLOT]])
// CHECK: "memref.store"(%{{.*}}, %[[COPIES]]
// CHECK: "vector.fma"
// CHECK: "arith.cmpf"
// CHECK: "vector.store"(%{{.*}}, %[[PLANES]]
// CHECK: "vector.transfer_read"(%[[SCRATCH]]
// CHECK: "vector.shuffle"
// CHECK: "vector.transfer_write"(%{{.*}}, %[[OUT]]
// CHECK-NOT: "scf.parallel"
// CHECK: sym_name = "stem_pool"
"func.func"() ({
^bb0(%x: tensor<1x3x30x30xf32>):
  %w = "nn.constant"() {value = dense<[[[[-0.35, -0.70, 0.30, -0.86, 0.07, -0.27, -0.88], [0.01, -0.93, -0.13, -0.86, -0.82, -0.15, 0.65], [-0.75, -0.55, 0.25, 0.90, 0.15, -0.21, 0.95], [-0.91, 0.72, -0.42, -0.71, -0.76, -0.38, 0.63], [-0.64, 0.16, 0.28, -0.26, 0.10, -0.87, -0.88], [-0.59, 0.36, -0.14, -0.37, 0.17, -0.09, -0.40], [0.59, 0.40, -0.51, 0.15, 0.05, 0.75, 0.46]], [[-0.42, 0.96, -0.76, -0.16, 0.51, -0.70, -0.02], [-0.92, 0.34, 0.53, 0.15, 0.75, -0.37, 0.39], [0.19, 0.16, -0.09, 0.68, 0.89, -0.05, 0.33], [-0.88, 0.40, 0.29, 0.99, 0.64, -0.43, -0.23], [0.34, -0.95, -0.08, -0.66, -0.77, -0.88, 0.54], [-0.74, -0.50, -0.22, 0.74, -0.84, -0.10, 0.10], [0.77, 0.64, 0.73, -0.44, -0.17, -0.28, 0.77]], [[0.92, -0.70, -0.65, -0.54, -0.53, -0.03, 0.18], [-0.47, -0.99, -0.16, -0.26, 0.13, 0.91, 0.38], [0.03, 0.24, 0.35, -0.89, 0.80, 0.56, 0.75], [0.60, -0.22, -0.20, -0.79, 0.27, -0.88, -0.87], [-0.58, -0.68, -0.32, -0.89, -1.00, -0.70, -0.80], [-0.27, -0.95, 0.75, 0.23, -0.70, -0.50, -0.31], [-0.27, -0.75, 0.70, 0.99, -0.07, -0.03, -0.83]]], [[[-0.80, -0.31, -0.47, 0.66, -0.68, -0.95, 0.90], [0.06, -0.71, 0.09, -0.95, 0.06, 0.96, 0.73], [0.39, -0.48, -0.27, -0.67, 0.54, 0.07, 0.56], [-0.34, -0.55, 0.62, 0.97, 0.71, 0.61, 0.64], [0.48, -0.55, 0.04, -0.29, -0.94, -0.94, -0.44], [-0.48, 0.39, 0.91, -0.11, 0.87, 0.98, 0.91], [-0.27, -0.56, -0.55, -0.61, -0.59, 0.25, 0.80]], [[0.68, -0.04, 0.31, 0.60, -0.83, 0.32, 0.82], [0.56, 0.50, -0.04, -0.64, 0.58, -0.33, 0.60], [0.94, -0.21, -0.20, 0.89, 0.45, -0.66, -0.75], [-0.70, 0.81, 0.61, -0.71, 0.65, 0.96, 0.31], [-0.30, 0.10, -0.74, -0.97, 0.94, 0.30, 0.05], [0.87, -0.13, 0.74, 0.65, -0.58, -0.50, -0.41], [-0.52, 0.17, -0.48, -0.16, -0.74, 0.82, -0.29]], [[-0.08, 0.17, 0.81, -0.16, 0.84, 0.00, 0.06], [0.05, -0.96, -0.12, -0.63, -0.99, 0.60, -0.66], [-0.05, 0.45, 0.11, -0.35, 0.04, 0.11, 0.57], [-0.79, 0.12, -0.50, -0.45, 0.54, 0.02, 0.12], [0.52, 0.82, -0.11, 0.23, 0.01, 0.02, 0.39], [-0.10, 0.07, -0.04, 0.88, 0.40, 0.75, 0.88], [-0.48, 0.12, 0.89, 0.68, -0.73, -0.76, -0.12]]], [[[-0.85, -0.52, -0.85, 0.34, 0.57, 0.79, -0.69], [0.43, 0.32, -0.71, 0.77, 0.94, -0.56, 0.91], [-0.20, -0.03, 0.98, 0.66, -0.68, -0.14, 0.03], [-0.32, -0.61, -0.36, 0.44, -0.96, 0.11, -0.12], [-0.96, -0.34, 0.25, 0.02, -0.87, 0.97, 0.58], [0.94, -0.79, -0.47, -0.92, 0.56, -0.46, -0.74], [-0.16, 0.82, 0.64, -0.48, -0.70, 0.84, 0.14]], [[0.40, -0.82, -0.88, 0.38, -0.15, -0.86, 0.88], [0.27, 0.60, -0.83, 0.71, -0.87, 0.73, -0.09], [-0.32, 0.11, 0.85, -0.46, -0.74, 0.05, -0.52], [-0.78, -0.68, -0.90, -0.60, -0.38, -0.39, 0.52], [-0.42, 0.00, -0.64, -0.31, -0.96, -0.50, -0.97], [0.47, 0.10, -0.62, -0.05, 0.87, -0.79, 0.64], [-0.14, -0.01, 0.67, -0.21, 0.01, 0.38, 0.96]], [[-0.31, 0.66, 0.41, 0.27, -0.19, -0.30, -0.89], [-0.74, -0.86, 0.48, -0.49, -0.67, -0.83, 0.68], [0.74, 0.34, -0.44, -0.52, -0.41, -0.08, -0.68], [-0.11, -0.47, 0.92, 0.95, 0.09, -0.51, 0.93], [-0.38, -0.29, -1.00, -0.24, -0.05, 0.01, -0.60], [0.01, -0.99, -0.47, -0.82, -0.20, -0.92, -0.96], [-0.39, -0.53, 0.17, 0.06, 0.50, 0.32, 0.43]]], [[[0.76, -0.22, -0.35, 0.97, -0.70, 0.45, 0.29], [-0.91, 0.67, 0.78, 0.25, 0.47, 0.62, -0.72], [0.05, 0.01, 0.67, 0.61, 0.65, 0.17, 0.79], [0.37, 0.39, -0.54, -0.94, -0.73, -0.28, -0.79], [0.67, 0.12, 0.26, 0.25, 0.36, -0.02, -0.99], [0.60, 0.50, 0.01, 0.07, 0.32, -0.87, 0.47], [-0.50, -0.85, -0.47, 0.46, -0.59, 0.48, 0.95]], [[-0.01, -0.23, -0.04, 0.37, 0.53, 0.23, 0.29], [-0.85, -0.71, -0.49, 0.49, -0.39, 0.14, -0.98], [-0.88, -0.46, 0.34, 0.38, 0.35, -0.42, 0.03], [-0.07, -0.07, -0.76, 0.79, -0.60, 0.96, 0.87], [-0.96, -0.08, 0.64, 0.94, -0.10, -0.46, -0.58], [0.89, -0.58, 0.16, -0.72, 0.05, 0.91, -0.73], [0.64, 0.02, 0.77, 0.41, -0.54, 0.80, -0.03]], [[-0.95, -0.99, -0.02, -0.10, -0.40, -0.72, -0.31], [-0.37, 0.68, -1.00, 0.50, 0.68, -0.76, 0.85], [0.43, 0.80, -0.42, -0.26, -0.21, 1.00, 0.18], [-0.28, -0.14, -0.45, -0.90, -0.80, 0.67, -0.43], [0.87, -0.50, -0.47, 0.02, -0.62, -0.25, 0.91], [0.77, 0.62, 0.26, 0.83, 0.88, 0.10, 0.44], [-0.90, 0.46, -0.10, 0.51, 0.29, -0.43, -0.90]]], [[[0.85, -0.75, -0.06, -0.31, -0.40, 0.48, 0.95], [-0.48, 0.31, -0.40, 0.11, -0.21, -0.67, -0.68], [-0.58, 0.81, -0.01, -0.56, 0.81, 0.99, -0.10], [-0.72, -0.62, -0.82, -0.32, -0.82, -0.52, -0.48], [0.14, 0.77, 0.50, -0.17, -0.17, 0.05, -0.25], [-0.32, -0.88, -0.44, 0.94, -0.75, 0.01, 0.26], [0.73, -0.57, -0.46, -0.50, -0.20, -0.11, 0.91]], [[0.70, 0.75, -0.96, -0.94, 0.42, 0.79, -0.05], [0.17, -1.00, -0.22, 0.85, 0.65, 0.71, 0.94], [-0.50, -0.78, -0.69, 0.04, 0.36, 0.88, 0.44], [0.29, 0.53, -0.09, 0.10, -0.92, 0.56, -0.53], [0.84, 0.29, -0.39, -0.74, -0.50, 0.27, 0.40], [-0.78, -0.86, 0.05, 0.17, -0.22, -0.55, 0.20], [-0.98, -0.40, -0.08, 0.92, 0.29, 0.77, -0.05]], [[-0.53, -0.51, 0.92, 0.41, -0.39, -0.96, -0.00], [0.35, -0.16, -0.49, 0.33, 0.85, -0.55, -0.93], [-0.32, -0.16, 0.37, -0.60, 0.59, 0.48, 0.01], [-0.59, 0.94, -0.38, 0.64, -0.54, -0.56, 0.52], [-0.41, 0.90, -0.01, -0.63, -0.55, -0.17, 0.33], [0.90, -0.71, -0.21, -0.57, 0.95, -0.72, -0.90], [-0.88, -0.21, 0.80, 0.77, 0.47, 1.00, 0.86]]], [[[-0.34, -0.63, 0.87, 0.49, -0.94, 0.33, -0.24], [-0.25, -0.34, -0.66, -0.99, -0.44, -0.30, 0.91], [-0.75, 0.93, -0.59, -0.29, 0.64, 0.64, -0.14], [-0.90, -0.05, -0.25, 0.84, -0.61, -0.27, 0.79], [-0.94, -0.18, 0.62, 0.53, -0.92, -0.93, -0.87], [0.84, -0.49, 0.49, 0.80, -0.32, -0.46, 0.92], [0.23, -0.48, 0.43, -0.37, -0.45, -0.99, 0.51]], [[0.83, 0.27, 0.89, -0.95, -0.53, -0.05, 0.91], [0.91, -0.23, -0.50, -0.14, -0.01, 0.86, -0.63], [0.61, 0.48, 0.65, 0.55, 0.21, -0.34, -0.36], [-0.28, 0.56, -0.84, -0.61, 0.51, -0.51, -0.87], [-0.93, 0.11, -0.35, 0.96, 0.77, 0.98, -0.47], [-0.83, -0.81, -0.00, 0.42, -0.11, -0.53, -0.17], [0.24, 0.35, 0.50, 0.69, 0.33, -0.76, 0.68]], [[-0.41, 0.13, -0.25, 0.48, -0.60, -0.51, -0.51], [-0.69, 0.77, 0.16, -0.35, -0.21, 0.98, 0.01], [-0.54, 0.62, 0.31, 0.98, -0.80, -0.05, 0.64], [0.68, 0.83, -0.92, -0.41, -0.76, -0.62, 0.95], [0.17, 0.86, -0.26, 0.73, -0.10, -0.48, 0.56], [0.89, -0.79, 0.19, 0.24, -0.56, -0.26, -0.72], [-0.59, -0.49, 0.20, 0.30, -0.59, -0.98, -0.35]]], [[[0.36, -0.63, -0.38, -0.59, 0.59, 0.10, -0.87], [-0.80, -0.21, 0.10, 0.28, -0.82, -0.67, 0.39], [-0.18, -0.43, -0.38, 0.91, -0.38, 0.13, -0.29], [-0.17, 0.73, 0.99, -0.27, -0.61, 0.46, -0.59], [-0.99, 0.80, -0.15, 0.64, -0.19, 0.77, -0.08], [-0.67, -0.97, 0.10, 0.28, 0.82, -0.82, 0.24], [-0.26, 0.01, -0.71, -0.43, 0.04, 0.85, -0.78]], [[-0.02, 0.61, 0.93, -0.61, -0.75, 0.89, 0.95], [-0.03, -0.89, 0.85, -0.22, 0.81, 0.24, 0.65], [-0.68, 0.57, -0.56, -0.19, 0.69, 0.66, -0.63], [-0.56, -0.20, 0.04, -0.23, -0.75, -0.51, 0.45], [0.79, -0.92, 0.12, 0.51, -0.92, 0.68, -0.76], [0.20, 0.10, 0.25, -0.39, -0.16, 0.17, -0.15], [0.32, -0.11, -0.12, -0.95, 0.24, -0.02, -0.53]], [[0.53, 0.56, -0.08, -0.64, -0.05, -0.79, -0.74], [-0.14, -0.82, -0.12, 0.02, -0.92, 0.27, -0.84], [0.47, 0.56, 0.02, -0.89, 0.01, -0.24, 0.90], [-0.73, 0.71, 0.99, 0.46, 0.63, -0.61, 0.96], [-0.02, 0.91, 0.83, -0.67, 0.58, 0.86, -0.87], [-0.30, 0.51, -0.68, 0.79, -0.45, 0.63, -0.71], [0.00, 0.84, -0.58, -0.47, 0.01, -0.36, -0.93]]], [[[-0.64, -0.68, 0.87, 0.36, 0.79, -0.66, 0.57], [-0.77, 0.06, 0.27, -0.28, 0.75, 0.11, 0.16], [0.77, -0.79, 0.99, 0.26, -0.21, 0.60, -0.47], [0.98, 0.15, -0.28, 0.53, -0.12, -0.65, 0.49], [-0.90, 0.64, -0.49, 0.28, 0.97, 0.17, 0.33], [-0.37, -1.00, -0.93, -0.70, 0.23, -0.14, 0.03], [0.79, -0.74, -0.55, 0.31, -0.96, -0.99, -0.29]], [[-0.79, -0.29, -0.55, 0.17, 0.18, -0.59, 0.25], [-0.05, -0.73, 0.87, -0.51, -0.70, -0.81, 0.28], [0.74, 0.56, -0.20, -0.47, -0.98, 0.29, 0.12], [-0.30, 0.29, -0.11, 0.87, 0.47, -0.50, 0.81], [-0.91, 0.06, -0.19, -0.52, -0.88, 0.56, -0.98], [0.10, 0.88, -0.72, -0.60, 0.22, 0.01, 0.28], [0.63, -0.65, -0.38, -0.40, -0.90, 0.78, 0.57]], [[0.43, -0.99, 0.69, 0.49, -0.07, 0.48, -0.10], [-0.55, -0.79, -0.54, -0.92, -0.33, 0.50, 0.39], [0.69, 0.42, -0.47, 0.11, -0.13, 0.58, 0.05], [-0.47, 0.28, 0.93, -0.57, 0.76, -0.97, -0.48], [-0.53, 0.49, 0.89, 0.49, -0.35, 0.76, -0.34], [-0.52, 0.82, 0.26, 0.39, 0.33, 0.96, -0.06], [0.68, 0.40, 0.72, -0.13, 0.45, 0.14, -0.38]]]]> : tensor<8x3x7x7xf32>} : () -> tensor<8x3x7x7xf32>
  %b = "nn.constant"() {value = dense<[-0.58, 0.25, -0.84, 0.82, -0.71, -0.95, -0.79, 0.86]> : tensor<8xf32>} : () -> tensor<8xf32>
  %0 = "nn.conv"(%x, %w, %b) {strides = array<i64: 2, 2>, pads = array<i64: 3, 3, 3, 3>} : (tensor<1x3x30x30xf32>, tensor<8x3x7x7xf32>, tensor<8xf32>) -> tensor<1x8x15x15xf32>
  %1 = "nn.relu"(%0) : (tensor<1x8x15x15xf32>) -> tensor<1x8x15x15xf32>
  %2 = "nn.max_pool"(%1) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x8x15x15xf32>) -> tensor<1x8x8x8xf32>
  "func.return"(%2) : (tensor<1x8x8x8xf32>) -> ()
}) {function_type = (tensor<1x3x30x30xf32>) -> tensor<1x8x8x8xf32>, sym_name = "stem_pool"} : () -> ()

// -----

// Two images on two threads: each thread takes one whole image, in one band of all its 12
// rows on its own slots, with no parallel loop inside (the one before packs the weights, which
// are an argument). A 2 x 2 pool at stride 2 without padding, as VGG's and U-Net's stages have.
// The scratch (thread, channel, row, column) has the shape of the convolution's result, with
// each thread's 16 channels in its own region of the function's slot space, 3641 channels
// (2 MiB) apart; the result itself is never allocated.
// CHECK-LABEL: "func.func"
// CHECK-NOT: memref<2x16x12x12xf32>
// CHECK: "memref.view"({{.*}}) : (memref<4202560xi8>, index) -> memref<2x3641x12x12xf32>
// CHECK-NEXT: "scf.parallel"
// CHECK-NOT: "scf.parallel"
// CHECK: "vector.fma"
// CHECK: "vector.transfer_write"({{.*}}) {{.*}} : (vector<16xf32>, memref<2x16x6x6xf32>
// CHECK: sym_name = "pool_after_conv_images"
"func.func"() ({
^bb0(%x: tensor<2x4x12x12xf32>, %w: tensor<16x4x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<2x4x12x12xf32>, tensor<16x4x3x3xf32>) -> tensor<2x16x12x12xf32>
  %1 = "nn.max_pool"(%0) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<2x16x12x12xf32>) -> tensor<2x16x6x6xf32>
  "func.return"(%1) : (tensor<2x16x6x6xf32>) -> ()
}) {function_type = (tensor<2x4x12x12xf32>, tensor<16x4x3x3xf32>) -> tensor<2x16x6x6xf32>, sym_name = "pool_after_conv_images"} : () -> ()

// -----

// ceil_mode: the last output row's window (rows 12 to 14 of 14) reads one row of padding, a
// border row of two convolution rows in the last band.
// CHECK-LABEL: "func.func"
// CHECK-NOT: memref<1x8x14x14xf32>
// CHECK: "scf.if"
// CHECK: sym_name = "pool_ceil_mode"
"func.func"() ({
^bb0(%x: tensor<1x4x14x14xf32>):
  %w = "nn.constant"() {value = dense<[[[[-0.10, 0.12, 0.85], [-0.07, 0.02, 0.17], [-0.63, 0.02, 0.26]], [[0.59, -0.81, -0.39], [-0.82, 0.62, 0.39], [-0.92, 0.96, 0.93]], [[0.31, 0.23, -0.69], [-0.97, 0.06, -0.88], [-0.62, -0.52, -0.94]], [[-0.07, -0.12, 0.68], [0.04, 0.28, -0.00], [0.32, -0.09, -0.44]]], [[[1.00, 0.99, 0.68], [0.42, -0.37, -0.54], [-0.42, -0.86, 0.53]], [[-0.20, 0.69, -0.23], [0.92, 0.69, -1.00], [-0.58, 0.82, -0.06]], [[0.96, -0.21, -0.85], [0.26, 0.56, -0.46], [-0.83, -0.33, 0.93]], [[0.52, -0.76, -0.51], [-0.80, -0.88, 0.59], [-0.64, 0.12, -0.11]]], [[[-0.62, 0.46, -0.74], [0.29, -0.77, -0.16], [-0.57, -0.46, 0.94]], [[0.61, -0.39, 0.77], [-0.58, -0.21, 0.71], [0.28, -0.80, 0.98]], [[-0.57, -0.48, 0.55], [-0.34, -0.41, -0.85], [-0.82, 0.17, -0.51]], [[0.20, -0.26, -0.09], [0.92, -0.03, 0.15], [0.73, -0.63, -0.69]]], [[[0.82, 0.64, -0.50], [-0.62, 0.48, 0.88], [-0.61, 0.90, 0.76]], [[0.21, -0.16, -0.79], [-0.92, 0.93, -0.52], [0.41, -0.49, 0.65]], [[0.19, -0.41, -0.65], [0.44, -0.86, -0.54], [0.12, 0.70, 0.23]], [[-0.44, 0.83, -0.59], [-0.97, -0.46, -0.11], [-0.88, -0.65, -0.26]]], [[[0.14, -0.74, -0.28], [0.78, 0.96, 0.31], [0.38, 0.17, -0.72]], [[-0.93, -0.96, 0.82], [0.40, 0.93, -0.96], [0.27, -0.04, 0.46]], [[-0.36, 1.00, -0.85], [0.09, 0.47, 0.80], [0.47, 0.41, 0.59]], [[0.83, -0.30, 0.37], [0.80, 0.74, -0.17], [0.58, 0.73, 0.15]]], [[[0.25, -0.24, 0.17], [0.22, -0.84, 0.28], [0.99, 0.76, 0.46]], [[-0.22, 0.47, 0.16], [-0.12, 0.68, -0.83], [0.50, -0.94, 0.20]], [[-0.04, -0.54, 0.40], [-0.01, 0.23, 0.84], [-0.49, -0.98, -0.40]], [[0.36, -0.59, -0.66], [0.81, 0.32, -0.12], [0.78, -0.35, 0.33]]], [[[-0.60, -0.14, 0.61], [0.83, 0.76, -0.23], [0.17, -0.37, -0.73]], [[-0.01, 0.67, 0.70], [0.42, 0.90, -0.45], [-0.66, -0.10, -0.45]], [[-0.57, -0.17, 0.25], [-0.01, -0.37, 0.68], [0.96, -0.10, -0.85]], [[-0.94, 0.75, -0.92], [0.42, 0.14, -0.38], [0.58, -0.96, -0.73]]], [[[-0.09, -0.95, 0.66], [-0.53, -0.72, -0.91], [0.26, -0.11, 0.26]], [[0.31, 0.61, 0.92], [0.37, -0.60, -0.05], [-0.64, -0.98, -0.06]], [[0.43, -0.64, -0.46], [-0.31, 0.39, 0.04], [0.23, 0.51, -0.21]], [[0.58, 0.81, -0.83], [0.87, 0.44, -0.74], [-0.09, 0.25, 0.82]]]]> : tensor<8x4x3x3xf32>} : () -> tensor<8x4x3x3xf32>
  %b = "nn.constant"() {value = dense<[-0.25, 0.14, 0.76, 0.59, 0.89, -0.07, 0.30, -0.59]> : tensor<8xf32>} : () -> tensor<8xf32>
  %0 = "nn.conv"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x4x14x14xf32>, tensor<8x4x3x3xf32>, tensor<8xf32>) -> tensor<1x8x14x14xf32>
  %1 = "nn.relu"(%0) : (tensor<1x8x14x14xf32>) -> tensor<1x8x14x14xf32>
  %2 = "nn.max_pool"(%1) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, ceil_mode = 1 : i64} : (tensor<1x8x14x14xf32>) -> tensor<1x8x7x7xf32>
  "func.return"(%2) : (tensor<1x8x7x7xf32>) -> ()
}) {function_type = (tensor<1x4x14x14xf32>) -> tensor<1x8x7x7xf32>, sym_name = "pool_ceil_mode"} : () -> ()

// -----

// A 1 x 1 convolution reads the image in place, not through shifted copies: the group is split
// again, the convolution and its ReLU one kernel that writes the 1x32x16x16 result, the pool
// another that reads it.
// CHECK-LABEL: "func.func"
// CHECK: %[[CONV:.*]] = "memref.alloc"() {{.*}} -> memref<1x32x16x16xf32>
// CHECK: "vector.fma"
// CHECK: "arith.cmpf"
// CHECK: "vector.load"(%[[CONV]]
// CHECK: sym_name = "pool_after_1x1"
"func.func"() ({
^bb0(%x: tensor<1x16x16x16xf32>, %w: tensor<32x16x1x1xf32>):
  %0 = "nn.conv"(%x, %w) : (tensor<1x16x16x16xf32>, tensor<32x16x1x1xf32>) -> tensor<1x32x16x16xf32>
  %1 = "nn.relu"(%0) : (tensor<1x32x16x16xf32>) -> tensor<1x32x16x16xf32>
  %2 = "nn.max_pool"(%1) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x32x16x16xf32>) -> tensor<1x32x8x8xf32>
  "func.return"(%2) : (tensor<1x32x8x8xf32>) -> ()
}) {function_type = (tensor<1x16x16x16xf32>, tensor<32x16x1x1xf32>) -> tensor<1x32x8x8xf32>, sym_name = "pool_after_1x1"} : () -> ()

// -----

// Groups written by hand: a pool alone is lowered as a pool; a pool that reads the convolution
// rather than the ReLU after it is split off, the group yielding the convolution's result.
// CHECK-LABEL: "func.func"
// CHECK-NOT: "nn.
// CHECK: sym_name = "only_pool"
"func.func"() ({
^bb0(%x: tensor<1x4x8x8xf32>):
  %0 = "nn.fused"(%x) ({
  ^bb0(%a: tensor<1x4x8x8xf32>):
    %1 = "nn.max_pool"(%a) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
    "nn.yield"(%1) : (tensor<1x4x4x4xf32>) -> ()
  }) : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
  "func.return"(%0) : (tensor<1x4x4x4xf32>) -> ()
}) {function_type = (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>, sym_name = "only_pool"} : () -> ()

// -----

// CHECK-LABEL: "func.func"
// CHECK: "memref.alloc"() {{.*}} -> memref<1x4x8x8xf32>
// CHECK: sym_name = "pool_of_the_conv"
"func.func"() ({
^bb0(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>):
  %0 = "nn.fused"(%x, %w) ({
  ^bb0(%a: tensor<1x3x8x8xf32>, %b: tensor<4x3x3x3xf32>):
    %1 = "nn.conv"(%a, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
    %2 = "nn.relu"(%1) : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
    %3 = "nn.max_pool"(%1) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
    "nn.yield"(%3) : (tensor<1x4x4x4xf32>) -> ()
  }) : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32>
  "func.return"(%0) : (tensor<1x4x4x4xf32>) -> ()
}) {function_type = (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32>, sym_name = "pool_of_the_conv"} : () -> ()

// -----

// A group written by hand that yields its convolution, not the ReLU after it: put back op by op
// (the fused kernels compute the last op's value).
// CHECK-LABEL: "func.func"
// CHECK: sym_name = "group_yields_the_conv"
"func.func"() ({
^bb0(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>):
  %0 = "nn.fused"(%x, %w) ({
  ^bb0(%a: tensor<1x3x8x8xf32>, %b: tensor<4x3x3x3xf32>):
    %1 = "nn.conv"(%a, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
    %2 = "nn.relu"(%1) : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
    "nn.yield"(%1) : (tensor<1x4x8x8xf32>) -> ()
  }) : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  "func.return"(%0) : (tensor<1x4x8x8xf32>) -> ()
}) {function_type = (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>, sym_name = "group_yields_the_conv"} : () -> ()
