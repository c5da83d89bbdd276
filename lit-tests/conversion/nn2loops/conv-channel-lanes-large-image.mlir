// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=8 vector-registers=16 l2-cache=262144},canonicalize,cse' | FileCheck %s --check-prefixes=CHECK,CHUNKS
// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=8 vector-registers=16 l2-cache=262144 threads=2},canonicalize,cse' | FileCheck %s --check-prefix=USUAL
// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=8 vector-registers=16 l2-cache=16777216},canonicalize,cse' | FileCheck %s --check-prefixes=CHECK,WHOLE
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16 l2-cache=262144},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// A 3 x 3 convolution of 64 -> 64 channels on a 34 x 34 image (1156 pixels, more than the
// 1024 that only images against im2col are tried up to). Its shifted copies (3 x 64 planes of
// 36 x 34, 0.9 MB) outgrow a 256 KiB L2 cache, so on one thread the usual product pays for
// copying its B panels out of them, and the turned product wins (with a 16 MiB L2 too: it
// reads A from a channel-blocked copy): the padded image (8 blocks of 36 x 36 pixels of 8
// channels), weights packed as B (4 panels of 16 channels), the product (pixels x channels)
// and its copy-out by transposed blocks (shuffles). With the 256 KiB L2 the product (296 KB)
// goes in chunks of 240 rows through one scratch (ChannelLanesConv.chunkRows); with 16 MiB whole.
// CHECK: "memref.alloc"() {{.*}} -> memref<4x576x16xf32>
// CHECK: "memref.alloc"() {{.*}} -> memref<82944xf32>
// CHUNKS: "memref.alloc"() {{.*}} -> memref<240x64xf32>
// WHOLE: "memref.alloc"() {{.*}} -> memref<1156x64xf32>
// CHECK: "vector.fma"
// CHECK: "vector.shuffle"
// CHECK: sym_name = "conv_large_image_cache_bound"
// On two threads the usual product stays: weights
// packed as A (11 panels of 6 rows), the shifted copies (235008 elements and a vector of slack).
// USUAL: "memref.alloc"() {{.*}} -> memref<11x576x6xf32>
// USUAL: "memref.alloc"() {{.*}} -> memref<235016xf32>
// USUAL-NOT: memref<1156x64xf32>
// USUAL: sym_name = "conv_large_image_cache_bound"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x64x34x34xf32>, %w: tensor<64x64x3x3xf32>, %b: tensor<64xf32>):
    %r = "nn.conv"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x64x34x34xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<1x64x34x34xf32>
    "func.return"(%r) : (tensor<1x64x34x34xf32>) -> ()
  }) {function_type = (tensor<1x64x34x34xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<1x64x34x34xf32>, sym_name = "conv_large_image_cache_bound"} : () -> ()
}) : () -> ()

// -----

// 32 output channels fill 32 of the usual product's 36 tile rows (6-row tiles); turned, every
// lane works: taken up to 128 x 128 images against the shifted copies whatever the cache and
// the threads (DenseNet-121's 128 -> 32 at 56 x 56, a U-Net's 64 -> 32 at 128 x 128).
// CHUNKS: "memref.alloc"() {{.*}} -> memref<504x32xf32>
// WHOLE: "memref.alloc"() {{.*}} -> memref<1156x32xf32>
// CHECK: sym_name = "conv_few_channels_large_image"
// USUAL: "memref.alloc"() {{.*}} -> memref<1156x32xf32>
// USUAL: sym_name = "conv_few_channels_large_image"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x64x34x34xf32>, %w: tensor<32x64x3x3xf32>, %b: tensor<32xf32>):
    %r = "nn.conv"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x64x34x34xf32>, tensor<32x64x3x3xf32>, tensor<32xf32>) -> tensor<1x32x34x34xf32>
    "func.return"(%r) : (tensor<1x32x34x34xf32>) -> ()
  }) {function_type = (tensor<1x64x34x34xf32>, tensor<32x64x3x3xf32>, tensor<32xf32>) -> tensor<1x32x34x34xf32>, sym_name = "conv_few_channels_large_image"} : () -> ()
}) : () -> ()

// Interpreting the modules on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_large_image_cache_bound"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_few_channels_large_image"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_few_channels_beyond_128"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_dilated_large_image"

// -----

// With at most 32 output channels the turned product is tried on images of any size against
// the shifted copies (here 130 x 130, beyond the 128 x 128 it is tried up to otherwise): the
// usual product's B panels would be copied out of copies far larger than the caches.
// Its product (1.1 MB) goes whole with the 16 MiB L2; with 256 KiB in chunks of 1008 rows
// through one scratch, and on two threads through one of 1008 rows per thread, each in the
// thread's own region of the function's slot space, 32768 rows (2 MiB) apart (Buffers.OpSlots).
// WHOLE: "memref.alloc"() {{.*}} -> memref<16900x16xf32>
// CHUNKS: "memref.alloc"() {{.*}} -> memref<1008x16xf32>
// CHECK: "vector.fma"
// CHECK: sym_name = "conv_few_channels_beyond_128"
// USUAL: "memref.view"({{.*}}) : (memref<4194304xi8>, index) -> memref<65536x16xf32>
// USUAL: sym_name = "conv_few_channels_beyond_128"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x8x130x130xf32>, %w: tensor<16x8x3x3xf32>):
    %r = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x8x130x130xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x130x130xf32>
    "func.return"(%r) : (tensor<1x16x130x130xf32>) -> ()
  }) {function_type = (tensor<1x8x130x130xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x130x130xf32>, sym_name = "conv_few_channels_beyond_128"} : () -> ()
}) : () -> ()

// -----

// A dilated convolution (DeepLab's atrous 3 x 3) is tried turned at any size: im2col would
// multiply every tap, where the turned product reads the padded image (one block of 38 x 38
// pixels of 8 channels) in place, each row k of A at the dilated tap's offset (channel c, tap
// (i, j): (2 i * 38 + 2 j) * 8 + c), and skips the taps that read only padding.
// CHECK: "memref.global"() {{.*}} initial_value = dense<[0, 16, 32, 608, 624, 640, 1216, 1232, 1248, 1, 17, 33, {{.*}}]> : tensor<72xi64>
// CHECK: "memref.alloc"() {{.*}} -> memref<11552xf32>
// CHECK: "memref.alloc"() {{.*}} -> memref<1156x16xf32>
// CHECK: sym_name = "conv_dilated_large_image"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x8x34x34xf32>, %w: tensor<16x8x3x3xf32>):
    %r = "nn.conv"(%x, %w) {pads = array<i64: 2, 2, 2, 2>, dilations = array<i64: 2, 2>} : (tensor<1x8x34x34xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x34x34xf32>
    "func.return"(%r) : (tensor<1x16x34x34xf32>) -> ()
  }) {function_type = (tensor<1x8x34x34xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x34x34xf32>, sym_name = "conv_dilated_large_image"} : () -> ()
}) : () -> ()
