// RUN: %sol-opt %s --split-input-file -p 'nn-fuse,convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2 parallel-work=1},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=16 vector-registers=32},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=8 vector-registers=16 threads=3 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=4 vector-registers=8},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=0},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn-fuse's rule "mean": a convolution, the element-wise ops after it and the mean of each
// output plane (a global average pool) in one kernel, which sums the rows of the turned
// product (pixels x channels, the channels in the vector lanes) instead of writing the
// convolution's result. The equivalence runs take vectors of 16, 8 and 4 lanes, one, two
// and three threads, and no vectors (then the group is split again: the convolution's group,
// then the mean).

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "mean_partial_vector"
// EQUIV: sym_name = "mean_3x3_silu_images"
// EQUIV: sym_name = "mean_packed_on_threads"
// EQUIV: sym_name = "mean_channels_on_threads"
// EQUIV: sym_name = "mean_after_residual"
// EQUIV: sym_name = "mean_of_the_conv"
// EQUIV: sym_name = "mean_over_channels_by_hand"
// EQUIV: sym_name = "mean_after_depthwise"

// SqueezeNet's last layer in small: a 1 x 1 convolution to 40 channels (two vectors of 16 and
// a last of 8) at 7 x 7, its ReLU and the global average pool. The product's 49 x 40 rows are
// made on the threads, then one parallel loop sums each vector of channels over the 49 rows
// (through the ReLU) and divides by 49, the last vector read and written masked. The
// convolution's 1x40x7x7 result is never allocated.
// CHECK-LABEL: "func.func"
// CHECK-NOT: memref<1x40x7x7xf32>
// CHECK-DAG: %[[OUT:.*]] = "memref.alloc"() {{.*}} -> memref<1x40x1x1xf32>
// CHECK-DAG: %[[PRODUCT:.*]] = "memref.alloc"() {{.*}} -> memref<49x40xf32>
// CHECK: "scf.parallel"
// CHECK: "vector.fma"
// CHECK: %[[MEANS:.*]] = "memref.collapse_shape"(%[[OUT]]) {{.*}} -> memref<1x40xf32>
// CHECK: "scf.parallel"
// CHECK: "scf.for"
// CHECK: "vector.load"(%[[PRODUCT]]
// CHECK: "arith.select"
// CHECK: "arith.addf"
// CHECK: "arith.divf"
// CHECK: "vector.store"(%{{.*}}, %[[MEANS]]
// CHECK: "scf.for"
// CHECK: "vector.transfer_read"(%[[PRODUCT]]
// CHECK: "arith.divf"
// CHECK: %[[LAST:.*]] = "memref.subview"(%[[MEANS]]
// CHECK: "vector.transfer_write"(%{{.*}}, %[[LAST]]
// CHECK: sym_name = "mean_partial_vector"
"func.func"() ({
^bb0(%x: tensor<1x64x7x7xf32>, %w: tensor<40x64x1x1xf32>, %b: tensor<40xf32>):
  %0 = "nn.conv"(%x, %w, %b) : (tensor<1x64x7x7xf32>, tensor<40x64x1x1xf32>, tensor<40xf32>) -> tensor<1x40x7x7xf32>
  %1 = "nn.relu"(%0) : (tensor<1x40x7x7xf32>) -> tensor<1x40x7x7xf32>
  %2 = "nn.reduce_mean"(%1) {axes = array<i64: 2, 3>, keepdims = 1 : i64} : (tensor<1x40x7x7xf32>) -> tensor<1x40x1x1xf32>
  "func.return"(%2) : (tensor<1x40x1x1xf32>) -> ()
}) {function_type = (tensor<1x64x7x7xf32>, tensor<40x64x1x1xf32>, tensor<40xf32>) -> tensor<1x40x1x1xf32>, sym_name = "mean_partial_vector"} : () -> ()

// -----

// A padded 3 x 3 convolution of two images with its SiLU (x * sigmoid(x)), and the mean over
// axes -1 and -2 without keeping them: the product's rows are the pixels of both images, and
// each image's channels are summed over its own 25 rows into its row of the 2 x 32 result.
// CHECK-LABEL: "func.func"
// CHECK-NOT: memref<2x32x5x5xf32>
// CHECK-DAG: %[[OUT:.*]] = "memref.alloc"() {{.*}} -> memref<2x32xf32>
// CHECK-DAG: %[[PRODUCT:.*]] = "memref.alloc"() {{.*}} -> memref<50x32xf32>
// CHECK: "vector.fma"
// CHECK: "scf.parallel"
// CHECK: "vector.load"(%[[PRODUCT]]
// CHECK: "arith.divf"
// CHECK: "vector.store"(%{{.*}}, %[[OUT]]
// CHECK: sym_name = "mean_3x3_silu_images"
"func.func"() ({
^bb0(%x: tensor<2x48x5x5xf32>, %w: tensor<32x48x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<2x48x5x5xf32>, tensor<32x48x3x3xf32>) -> tensor<2x32x5x5xf32>
  %1 = "nn.sigmoid"(%0) : (tensor<2x32x5x5xf32>) -> tensor<2x32x5x5xf32>
  %2 = "nn.mul"(%0, %1) : (tensor<2x32x5x5xf32>, tensor<2x32x5x5xf32>) -> tensor<2x32x5x5xf32>
  %3 = "nn.reduce_mean"(%2) {axes = array<i64: -1, -2>, keepdims = 0 : i64} : (tensor<2x32x5x5xf32>) -> tensor<2x32xf32>
  "func.return"(%3) : (tensor<2x32xf32>) -> ()
}) {function_type = (tensor<2x48x5x5xf32>, tensor<32x48x3x3xf32>) -> tensor<2x32xf32>, sym_name = "mean_3x3_silu_images"} : () -> ()

// -----

// 128 channels from 7 x 7 pixels: the threads split the product's rows (pixels), and A, packed
// into 9 panels of 6 pixels, is packed panel by panel on the threads before the product.
// CHECK-LABEL: "func.func"
// CHECK-NOT: memref<1x128x7x7xf32>
// CHECK: %[[PANELS:.*]] = "memref.alloc"() {{.*}} -> memref<9x64x6xf32>
// CHECK: "scf.parallel"
// CHECK: "vector.store"(%{{.*}}, %[[PANELS]]
// CHECK: "scf.parallel"
// CHECK: "vector.fma"
// CHECK: "arith.divf"
// CHECK: sym_name = "mean_packed_on_threads"
"func.func"() ({
^bb0(%x: tensor<1x64x7x7xf32>, %w: tensor<128x64x1x1xf32>):
  %0 = "nn.conv"(%x, %w) : (tensor<1x64x7x7xf32>, tensor<128x64x1x1xf32>) -> tensor<1x128x7x7xf32>
  %1 = "nn.relu"(%0) : (tensor<1x128x7x7xf32>) -> tensor<1x128x7x7xf32>
  %2 = "nn.reduce_mean"(%1) {axes = array<i64: 2, 3>, keepdims = 1 : i64} : (tensor<1x128x7x7xf32>) -> tensor<1x128x1x1xf32>
  "func.return"(%2) : (tensor<1x128x1x1xf32>) -> ()
}) {function_type = (tensor<1x64x7x7xf32>, tensor<128x64x1x1xf32>) -> tensor<1x128x1x1xf32>, sym_name = "mean_packed_on_threads"} : () -> ()

// -----

// 256 channels from 7 x 7 pixels: the weights far outweigh the image, the threads split the
// channels, and each reads all of A in place: no panels of A.
// CHECK-LABEL: "func.func"
// CHECK-NOT: memref<9x32x6xf32>
// CHECK: "memref.alloc"() {{.*}} -> memref<49x256xf32>
// CHECK-NOT: memref<9x32x6xf32>
// CHECK: "vector.fma"
// CHECK: "arith.divf"
// CHECK: sym_name = "mean_channels_on_threads"
"func.func"() ({
^bb0(%x: tensor<1x32x7x7xf32>, %w: tensor<256x32x1x1xf32>):
  %0 = "nn.conv"(%x, %w) : (tensor<1x32x7x7xf32>, tensor<256x32x1x1xf32>) -> tensor<1x256x7x7xf32>
  %1 = "nn.relu"(%0) : (tensor<1x256x7x7xf32>) -> tensor<1x256x7x7xf32>
  %2 = "nn.reduce_mean"(%1) {axes = array<i64: 2, 3>, keepdims = 1 : i64} : (tensor<1x256x7x7xf32>) -> tensor<1x256x1x1xf32>
  "func.return"(%2) : (tensor<1x256x1x1xf32>) -> ()
}) {function_type = (tensor<1x32x7x7xf32>, tensor<256x32x1x1xf32>) -> tensor<1x256x1x1xf32>, sym_name = "mean_channels_on_threads"} : () -> ()

// -----

// ResNet's last block: the residual add reads a tensor along the pixels, where the summed
// product runs along the channels, so the group is split again: the convolution's group
// writes its result, and the mean reads it.
// CHECK-LABEL: "func.func"
// CHECK: "memref.alloc"() {{.*}} -> memref<1x32x7x7xf32>
// CHECK: "vector.fma"
// CHECK: sym_name = "mean_after_residual"
"func.func"() ({
^bb0(%x: tensor<1x64x7x7xf32>, %w: tensor<32x64x1x1xf32>, %r: tensor<1x32x7x7xf32>):
  %0 = "nn.conv"(%x, %w) : (tensor<1x64x7x7xf32>, tensor<32x64x1x1xf32>) -> tensor<1x32x7x7xf32>
  %1 = "nn.add"(%0, %r) : (tensor<1x32x7x7xf32>, tensor<1x32x7x7xf32>) -> tensor<1x32x7x7xf32>
  %2 = "nn.relu"(%1) : (tensor<1x32x7x7xf32>) -> tensor<1x32x7x7xf32>
  %3 = "nn.reduce_mean"(%2) {axes = array<i64: 2, 3>, keepdims = 1 : i64} : (tensor<1x32x7x7xf32>) -> tensor<1x32x1x1xf32>
  "func.return"(%3) : (tensor<1x32x1x1xf32>) -> ()
}) {function_type = (tensor<1x64x7x7xf32>, tensor<32x64x1x1xf32>, tensor<1x32x7x7xf32>) -> tensor<1x32x1x1xf32>, sym_name = "mean_after_residual"} : () -> ()

// -----

// A group written by hand whose mean reads the convolution, not the ReLU after it: split after
// the convolution, the ReLU unused.
// CHECK-LABEL: "func.func"
// CHECK: "memref.alloc"() {{.*}} -> memref<1x32x7x7xf32>
// CHECK: sym_name = "mean_of_the_conv"
"func.func"() ({
^bb0(%x: tensor<1x64x7x7xf32>, %w: tensor<32x64x1x1xf32>):
  %0 = "nn.fused"(%x, %w) ({
  ^bb0(%a: tensor<1x64x7x7xf32>, %b: tensor<32x64x1x1xf32>):
    %1 = "nn.conv"(%a, %b) : (tensor<1x64x7x7xf32>, tensor<32x64x1x1xf32>) -> tensor<1x32x7x7xf32>
    %2 = "nn.relu"(%1) : (tensor<1x32x7x7xf32>) -> tensor<1x32x7x7xf32>
    %3 = "nn.reduce_mean"(%1) {axes = array<i64: 2, 3>, keepdims = 1 : i64} : (tensor<1x32x7x7xf32>) -> tensor<1x32x1x1xf32>
    "nn.yield"(%3) : (tensor<1x32x1x1xf32>) -> ()
  }) : (tensor<1x64x7x7xf32>, tensor<32x64x1x1xf32>) -> tensor<1x32x1x1xf32>
  "func.return"(%0) : (tensor<1x32x1x1xf32>) -> ()
}) {function_type = (tensor<1x64x7x7xf32>, tensor<32x64x1x1xf32>) -> tensor<1x32x1x1xf32>, sym_name = "mean_of_the_conv"} : () -> ()

// -----

// A group written by hand whose mean is over the channels, not the planes: split, the
// convolution's result written and the mean taken over its channels.
// CHECK-LABEL: "func.func"
// CHECK: "memref.alloc"() {{.*}} -> memref<1x32x7x7xf32>
// CHECK: sym_name = "mean_over_channels_by_hand"
"func.func"() ({
^bb0(%x: tensor<1x64x7x7xf32>, %w: tensor<32x64x1x1xf32>):
  %0 = "nn.fused"(%x, %w) ({
  ^bb0(%a: tensor<1x64x7x7xf32>, %b: tensor<32x64x1x1xf32>):
    %1 = "nn.conv"(%a, %b) : (tensor<1x64x7x7xf32>, tensor<32x64x1x1xf32>) -> tensor<1x32x7x7xf32>
    %2 = "nn.reduce_mean"(%1) {axes = array<i64: 1>, keepdims = 1 : i64} : (tensor<1x32x7x7xf32>) -> tensor<1x1x7x7xf32>
    "nn.yield"(%2) : (tensor<1x1x7x7xf32>) -> ()
  }) : (tensor<1x64x7x7xf32>, tensor<32x64x1x1xf32>) -> tensor<1x1x7x7xf32>
  "func.return"(%0) : (tensor<1x1x7x7xf32>) -> ()
}) {function_type = (tensor<1x64x7x7xf32>, tensor<32x64x1x1xf32>) -> tensor<1x1x7x7xf32>, sym_name = "mean_over_channels_by_hand"} : () -> ()

// -----

// A depthwise convolution (its own kernel, not the turned product) and its mean: split.
// CHECK-LABEL: "func.func"
// CHECK: "memref.alloc"() {{.*}} -> memref<1x32x7x7xf32>
// CHECK: sym_name = "mean_after_depthwise"
"func.func"() ({
^bb0(%x: tensor<1x32x7x7xf32>, %w: tensor<32x1x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {group = 32 : i64, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x32x7x7xf32>, tensor<32x1x3x3xf32>) -> tensor<1x32x7x7xf32>
  %1 = "nn.relu"(%0) : (tensor<1x32x7x7xf32>) -> tensor<1x32x7x7xf32>
  %2 = "nn.reduce_mean"(%1) {axes = array<i64: 2, 3>, keepdims = 1 : i64} : (tensor<1x32x7x7xf32>) -> tensor<1x32x1x1xf32>
  "func.return"(%2) : (tensor<1x32x1x1xf32>) -> ()
}) {function_type = (tensor<1x32x7x7xf32>, tensor<32x1x3x3xf32>) -> tensor<1x32x1x1xf32>, sym_name = "mean_after_depthwise"} : () -> ()
