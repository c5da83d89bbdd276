// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 winograd=false},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 winograd=false},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16 winograd=false},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 winograd=false},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 winograd=false threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 winograd=false threads=2 parallel-work=1},canonicalize,cse' | FileCheck %s --check-prefix=PARTS
// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 winograd=false threads=2},canonicalize,cse' | FileCheck %s --check-prefix=COPY

// On two threads each thread multiplies and copies out its own part of the pixels' panels
// (8 panels of 6 rows for 45 pixels: 4 and 4, the last part of 21 rows), on views of the
// product, after one parallel loop has made the padded copy of the image:
// PARTS: "memref.alloc"() {{.*}} -> memref<9800xf32>
// PARTS: "scf.parallel"
// PARTS: "memref.store"(%{{.*}}, %{{.*}}, %{{.*}}) : (f32, memref<9800xf32>, index) -> ()
// PARTS: "scf.parallel"
// PARTS: "scf.if"
// PARTS: static_sizes = array<i64: 21, 120>
// PARTS: "vector.fma"
// PARTS: static_sizes = array<i64: 24, 120>
// PARTS: sym_name = "conv_small_image"

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_small_image"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_large_image"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_padding_skipped"
// EQUIV-NOT: changed the results

// A 3 x 3 convolution (stride 2) of 120 output channels with five 3 x 3 results: as W x cols,
// each image's 9 pixels would fill 9 of the tile's 16 columns, after im2col. The product is
// turned around instead, output channels in the vector lanes (tiles 6 x 64):
// C^T (45 x 120) = cols^T (45 x 360) W^T. A is not packed: its element (q, k) is read from a
// channel-blocked copy of the images with zero borders (5 x 5 blocks of 7 x 7 pixels of 8
// channels) at the offset of tap and channel k (a table of 360, channel-major:
// c / 8 * 392 + (i * 7 + j) * 8 + c % 8) plus that of pixel q's window (a table of 8 panels x
// 6: image * 1960 + (y * 2 * 7 + z * 2) * 8, zero past the 45th pixel). The
// weights are transposed into B panels (the last one, of 56 channels, padded with zeros), the
// tiles start from the bias (its last vector masked), and the rows of the product are copied
// into the NCHW result.
// CHECK-LABEL: "memref.global"
// CHECK-SAME: initial_value = dense<"0x0000000000000000080000000000000010000000000000003800000000000000
// CHECK-SAME: tensor<360xi64>
// CHECK-NEXT: "memref.global"
// CHECK-SAME: initial_value = dense<[0, 16, 32, 112, 128, 144, 224, 240, 256, 1960, {{.*}}, 8096, 0, 0, 0]> : tensor<48xi64>
// CHECK: ^bb0(%[[X:.*]]: tensor<5x40x5x5xf32>, %[[W:.*]]: tensor<120x40x3x3xf32>, %[[B:.*]]: tensor<120xf32>):
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK-DAG: %[[OUT:.*]] = "memref.alloc"() {{.*}} -> memref<5x120x3x3xf32>
// CHECK: %[[PB:.*]] = "memref.alloc"() {{.*}} -> memref<2x360x64xf32>
// CHECK: %[[PADDED:.*]] = "memref.alloc"() {{.*}} -> memref<9800xf32>
// CHECK: %[[V0:.*]] = "memref.load"(%[[XM]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (memref<5x40x5x5xf32>, index, index, index, index) -> f32
// CHECK: "memref.store"(%[[V0]], %[[PADDED]], %{{.*}})
// CHECK: %[[KOFFSETS:.*]] = "memref.get_global"() {name = @__constant_0} : () -> memref<360xi64>
// CHECK: %[[POFFSETS:.*]] = "memref.get_global"() {name = @__constant_1} : () -> memref<48xi64>
// CHECK: %[[PRODUCT:.*]] = "memref.alloc"() {{.*}} -> memref<45x120xf32>
// CHECK: %[[PLANES:.*]] = "memref.collapse_shape"(%[[OUT]]) {reassociation = {{\[\[}}0], [1], [2, 3]]} : (memref<5x120x3x3xf32>) -> memref<5x120x9xf32>
// CHECK: "vector.load"(%[[BM]], %{{.*}}) : (memref<120xf32>, index) -> vector<16xf32>
// CHECK: "scf.for"(%{{.*}}, %{{.*}}, %{{.*}}, {{.*}}) ({
// CHECK-NEXT: ^bb0(%[[K:[^:]*]]: index,
// CHECK: "vector.load"(%[[PB]], %{{.*}}, %[[K]], %{{.*}}) : (memref<2x360x64xf32>, index, index, index) -> vector<16xf32>
// CHECK: %[[KO:.*]] = "memref.load"(%[[KOFFSETS]], %[[K]]) : (memref<360xi64>, index) -> i64
// CHECK: %[[KOI:.*]] = "arith.index_cast"(%[[KO]])
// CHECK: %[[PO:.*]] = "memref.load"(%[[POFFSETS]], %{{.*}}) : (memref<48xi64>, index) -> i64
// CHECK: %[[POI:.*]] = "arith.index_cast"(%[[PO]])
// CHECK: %[[AT:.*]] = "arith.addi"(%[[KOI]], %[[POI]])
// CHECK: %[[A:.*]] = "memref.load"(%[[PADDED]], %[[AT]]) : (memref<9800xf32>, index) -> f32
// CHECK: %[[AV:.*]] = "vector.broadcast"(%[[A]])
// CHECK: "vector.fma"(%[[AV]],
// CHECK: "vector.store"(%{{.*}}, %[[PRODUCT]], %{{.*}}, %{{.*}}) : (vector<16xf32>, memref<45x120xf32>, index, index) -> ()
// CHECK: "vector.transfer_read"(%[[BM]], %{{.*}}, %{{.*}})
// CHECK: "vector.transfer_write"(%{{.*}}, %[[PRODUCT]], %{{.*}}, %{{.*}})
// CHECK: %[[V:.*]] = "memref.load"(%[[PRODUCT]], %{{.*}}, %{{.*}}) : (memref<45x120xf32>, index, index) -> f32
// CHECK: "memref.store"(%[[V]], %[[PLANES]], %{{.*}}, %{{.*}}, %{{.*}}) : (f32, memref<5x120x9xf32>, index, index, index) -> ()
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<5x40x5x5xf32>, %w: tensor<120x40x3x3xf32>, %b: tensor<120xf32>):
    %r = "nn.conv"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<5x40x5x5xf32>, tensor<120x40x3x3xf32>, tensor<120xf32>) -> tensor<5x120x3x3xf32>
    "func.return"(%r) : (tensor<5x120x3x3xf32>) -> ()
  }) {function_type = (tensor<5x40x5x5xf32>, tensor<120x40x3x3xf32>, tensor<120xf32>) -> tensor<5x120x3x3xf32>, sym_name = "conv_small_image"} : () -> ()
}) : () -> ()

// -----

// Few output channels on a larger image: 8 of them fill half a vector of the turned tile,
// so the usual product stays, on the shifted copies of the image (3 x 8 planes of
// 22 x 20 and a vector of slack) with the table of where each of its 72 rows starts.
// CHECK-LABEL: // -----
// CHECK: type = memref<72xi64>
// CHECK-NOT: xi64>
// CHECK: "memref.alloc"() {{.*}} -> memref<10576xf32>
// CHECK: "vector.load"(%{{.*}}) : (memref<10576xf32>, index) -> vector<16xf32>
// CHECK: "vector.fma"
// CHECK: sym_name = "conv_large_image"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x8x20x20xf32>, %w: tensor<8x8x3x3xf32>):
    %r = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x8x20x20xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x20x20xf32>
    "func.return"(%r) : (tensor<1x8x20x20xf32>) -> ()
  }) {function_type = (tensor<1x8x20x20xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x20x20xf32>, sym_name = "conv_large_image"} : () -> ()
}) : () -> ()

// -----

// Constant weights: k runs tap-major (tap, channel), so that the taps under which every pixel
// of a panel reads padding are a prefix or suffix of k, which the panel's micro-kernels skip.
// Three rows of 32 pixels in 16 panels of 6: those in row 0 multiply k in [192, 576) (the
// kernel's top row is above the image), those in row 2 in [0, 384), those in row 1 or across
// two rows all of it. The table of k offsets is tap-major too: tap (0, 0) of channels 0, 1, 8
// at 0, 1, 1360 (channel-blocked, blocks of 5 x 34 pixels of 8 channels).
// CHECK-LABEL: // -----
// CHECK: "memref.global"() {{.*}} initial_value = dense<{{\[\[}}192, 576], [192, 576], [192, 576], [192, 576], [192, 576], [0, 576], [0, 576], [0, 576], [0, 576], [0, 576], [0, 576], [0, 384], [0, 384], [0, 384], [0, 384], [0, 384]]> : tensor<16x2xi64>
// CHECK-NEXT: "memref.global"() {{.*}} initial_value = dense<"0x00000000000000000100000000000000020000000000000003000000000000000400000000000000050000000000000006000000000000000700000000000000500500000000000051050000
// CHECK: %[[RANGES:.*]] = "memref.get_global"() {name = @{{.*}}} : () -> memref<16x2xi64>
// CHECK: %[[FROM:.*]] = "memref.load"(%[[RANGES]], %[[PANEL:.*]], %{{.*}})
// CHECK: %[[LO:.*]] = "arith.index_cast"(%[[FROM]])
// CHECK: %[[TO:.*]] = "memref.load"(%[[RANGES]], %[[PANEL]], %{{.*}})
// CHECK: %[[HI:.*]] = "arith.index_cast"(%[[TO]])
// CHECK: %[[BEGIN:.*]] = "arith.maxsi"(%[[LO]],
// CHECK: %[[END:.*]] = "arith.minsi"(%[[HI]],
// CHECK: %[[LENGTH:.*]] = "arith.subi"(%[[END]], %[[BEGIN]])
// CHECK: %[[MIDDLE:.*]] = "arith.addi"(%[[BEGIN]],
// CHECK: "scf.for"(%[[BEGIN]], %[[MIDDLE]]
// CHECK: "vector.fma"
// CHECK: "scf.for"(%[[MIDDLE]], %[[END]]
// CHECK: "vector.fma"
// CHECK: sym_name = "conv_padding_skipped"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x64x3x32xf32>):
    %w = "nn.constant"() {value = dense<0.5> : tensor<128x64x3x3xf32>} : () -> tensor<128x64x3x3xf32>
    %r = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x64x3x32xf32>, tensor<128x64x3x3xf32>) -> tensor<1x128x3x32xf32>
    "func.return"(%r) : (tensor<1x128x3x32xf32>) -> ()
  }) {function_type = (tensor<1x64x3x32xf32>) -> tensor<1x128x3x32xf32>, sym_name = "conv_padding_skipped"} : () -> ()
}) : () -> ()

// -----

// The turned product is copied out by transposed blocks: 16 pixels by 16 channels loaded as
// 16 vectors along the channels, transposed by 4 rounds of 16 shuffles, and stored as 16
// vectors along the pixels, for the 3 whole groups of 16 of the 49 pixels; the last pixel
// goes by a block too, its stores masked through a view one pixel wide.
// A 1 x 1 convolution packs A first (ChannelLanesConv.packsA): 9 panels of 6 pixels by 512
// channels, the 6 pixels of one channel next to each other; the micro-kernel reads them there.
// Panels whose 6 pixels lie next to each other in the image (a compile-time table: here, with
// no padding, all but the last, partial one) are copied by vectors of 6, the others element by
// element.
// CHECK-LABEL: // -----
// CHECK: initial_value = dense<[1, 1, 1, 1, 1, 1, 1, 1, 0]> : tensor<9xi64>
// CHECK: %[[PA:.*]] = "memref.alloc"() {{.*}} -> memref<9x512x6xf32>
// CHECK: %[[RUNS:.*]] = "memref.get_global"() {{.*}} -> memref<9xi64>
// CHECK: %[[P:.*]] = "memref.alloc"() {{.*}} -> memref<49x512xf32>
// CHECK: "memref.load"(%[[RUNS]], %{{.*}}) : (memref<9xi64>, index) -> i64
// CHECK: "scf.if"
// CHECK: "vector.store"(%{{.*}}, %[[PA]], %{{.*}}, %{{.*}}, %{{.*}}) : (vector<6xf32>, memref<9x512x6xf32>, index, index, index) -> ()
// CHECK-COUNT-6: "memref.store"(%{{.*}}, %[[PA]], %{{.*}}, %{{.*}}, %{{.*}}) : (f32, memref<9x512x6xf32>, index, index, index) -> ()
// CHECK: "memref.load"(%[[PA]], %{{.*}}, %{{.*}}, %{{.*}}) : (memref<9x512x6xf32>, index, index, index) -> f32
// CHECK: "vector.fma"
// CHECK-COUNT-16: "vector.load"(%[[P]], %{{.*}}, %{{.*}}) : (memref<49x512xf32>, index, index) -> vector<16xf32>
// CHECK: "vector.shuffle"(%{{.*}}, %{{.*}}) {mask = [0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23]}
// CHECK: "vector.shuffle"(%{{.*}}, %{{.*}}) {mask = [8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31]}
// CHECK-COUNT-16: "vector.store"(%{{.*}}) : (vector<16xf32>, memref<1x512x49xf32>, index, index, index) -> ()
// CHECK: %[[LAST:.*]] = "memref.subview"({{.*}}) -> memref<1x512x1xf32, strided<[25088, 49, 1], offset: ?>>
// CHECK-COUNT-16: "vector.transfer_write"(%{{.*}}, %[[LAST]], %{{.*}}) {in_bounds = [false]
// CHECK: sym_name = "conv_transposed_copy_out"
// On two threads the weights (512 x 512) are the far larger operand: the threads take its 8 B
// panels of 64 output channels, one panel to an iteration of one parallel loop (a faster core
// takes the slower one's last panels), each multiplying all 49 pixels by its panel and copying
// its 64 channels out right after. Every panel reads all of A, so A is read in place (on one
// thread it is packed, above; packed by the two threads together, each core read half of it
// from the other's cache): no packed A, one parallel loop.
// PARTS-LABEL: ^bb0(%{{.*}}: tensor<1x512x7x7xf32>
// PARTS-DAG: %[[C4:.*]] = "arith.constant"() {value = 4 : index}
// PARTS-DAG: %[[C64:.*]] = "arith.constant"() {value = 64 : index}
// PARTS-DAG: %[[C8:.*]] = "arith.constant"() {value = 8 : index}
// PARTS-DAG: %[[C1:.*]] = "arith.constant"() {value = 1 : index}
// PARTS-DAG: %[[C0:.*]] = "arith.constant"() {value = 0 : index}
// PARTS-NOT: memref<9x512x6xf32>
// PARTS: "scf.parallel"(%[[C0]], %[[C8]], %[[C1]]) ({
// PARTS-NEXT: ^bb0(%[[PANEL:.*]]: index):
// PARTS-NEXT: "arith.muli"(%[[PANEL]], %[[C64]])
// PARTS-NOT: "scf.parallel"
// PARTS-NOT: memref<9x512x6xf32>
// PARTS: "vector.fma"
// The panel's first block of 16 channels for its copy-out:
// PARTS: "arith.muli"(%[[PANEL]], %[[C4]])
// PARTS-NOT: "scf.parallel"
// PARTS: "vector.shuffle"
// PARTS-NOT: "scf.parallel"
// PARTS: "vector.store"({{.*}}) : (vector<16xf32>, memref<1x512x49xf32>, index, index, index) -> ()
// PARTS: sym_name = "conv_transposed_copy_out"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_transposed_copy_out"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x512x7x7xf32>, %b: tensor<512xf32>):
    %w = "nn.constant"() {value = dense<0.25> : tensor<512x512x1x1xf32>} : () -> tensor<512x512x1x1xf32>
    %r = "nn.conv"(%x, %w, %b) : (tensor<1x512x7x7xf32>, tensor<512x512x1x1xf32>, tensor<512xf32>) -> tensor<1x512x7x7xf32>
    "func.return"(%r) : (tensor<1x512x7x7xf32>) -> ()
  }) {function_type = (tensor<1x512x7x7xf32>, tensor<512xf32>) -> tensor<1x512x7x7xf32>, sym_name = "conv_transposed_copy_out"} : () -> ()
}) : () -> ()

// -----

// The same layer for two images: on two threads they go to the threads by pixels although the
// weights are the far larger operand (ChannelLanesConv.byImages), so that each thread writes
// (about) its own image, as the next layer, split by images, reads it: A packed (17 panels of
// 6 of the 98 pixels), parts of 54 and 44 rows of the product.
// CHECK-LABEL: // -----
// CHECK: sym_name = "conv_two_images"
// PARTS-LABEL: // -----
// PARTS: "memref.alloc"() {{.*}} -> memref<17x512x6xf32>
// PARTS: %[[PRODUCT:.*]] = "memref.alloc"() {{.*}} -> memref<98x512xf32>
// PARTS: "scf.parallel"
// PARTS: "scf.if"
// PARTS-NEXT: "memref.subview"(%[[PRODUCT]], %{{.*}}) {{.*}} static_sizes = array<i64: 44, 512>
// PARTS: "vector.fma"
// PARTS: "vector.store"({{.*}}) : (vector<16xf32>, memref<2x512x49xf32>, index, index, index) -> ()
// PARTS: "memref.subview"(%[[PRODUCT]], %{{.*}}) {{.*}} static_sizes = array<i64: 54, 512>
// PARTS: sym_name = "conv_two_images"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_two_images"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<2x512x7x7xf32>, %b: tensor<512xf32>):
    %w = "nn.constant"() {value = dense<0.25> : tensor<512x512x1x1xf32>} : () -> tensor<512x512x1x1xf32>
    %r = "nn.conv"(%x, %w, %b) : (tensor<2x512x7x7xf32>, tensor<512x512x1x1xf32>, tensor<512xf32>) -> tensor<2x512x7x7xf32>
    "func.return"(%r) : (tensor<2x512x7x7xf32>) -> ()
  }) {function_type = (tensor<2x512x7x7xf32>, tensor<512xf32>) -> tensor<2x512x7x7xf32>, sym_name = "conv_two_images"} : () -> ()
}) : () -> ()

// -----

// On two threads the 196 pixels go in chunks of 48 (whole panels of 6 and vectors of 16), each
// an iteration of one parallel loop that multiplies its rows and copies them out by transposed
// blocks (a faster core takes the slower one's last chunks): four chunks of three blocks of 16
// pixels, and a last chunk of 4 pixels, its block masked. The product (100 KB) fits in L2: no
// scratch, each chunk writes its own rows of it.
// CHECK-LABEL: // -----
// CHECK: sym_name = "conv_parts_copy_out"
// PARTS-LABEL: // -----
// PARTS-DAG: %[[C5:.*]] = "arith.constant"() {value = 5 : index}
// PARTS-DAG: %[[C48:.*]] = "arith.constant"() {value = 48 : index}
// PARTS: "memref.alloc"() {{.*}} -> memref<196x128xf32>
// PARTS: "scf.parallel"(%{{.*}}, %[[C5]], %{{.*}}) ({
// PARTS-NEXT: ^bb0(%[[CHUNK:.*]]: index):
// PARTS-NEXT: "arith.muli"(%[[CHUNK]], %[[C48]])
// PARTS-NOT: omp_get_thread_num
// PARTS: "scf.if"
// PARTS: "vector.shuffle"
// PARTS-COUNT-16: "vector.transfer_write"({{.*}}) {in_bounds = [false]{{.*}} : (vector<16xf32>, memref<1x128x4xf32, strided<[25088, 196, 1], offset: ?>>
// PARTS: "vector.shuffle"
// PARTS-COUNT-16: "vector.store"({{.*}}) : (vector<16xf32>, memref<1x128x196xf32>, index, index, index) -> ()
// PARTS-NOT: "scf.parallel"
// PARTS: sym_name = "conv_parts_copy_out"
// With the default parallel work the padded copy of the image (8 blocks of 8 channels by
// 16 x 16, below it) still goes to the threads, since the product after it does: run alone it
// would keep the other thread waiting. The threads split its padded rows (the parallel index
// is the row: the image row is it minus the padding), the blocks inner, so that each copies
// the rows its part of the product reads.
// COPY: sym_name = "conv_transposed_copy_out"
// COPY: %[[PADDED:.*]] = "memref.alloc"() {{.*}} : () -> memref<16384xf32>
// COPY-NEXT: "scf.parallel"(%{{.*}}, %{{.*}}, %{{.*}}) ({
// COPY-NEXT: ^bb0(%[[ROW:.*]]: index):
// COPY-NEXT: "scf.for"
// COPY-NEXT: ^bb0(%[[BLOCK:.*]]: index):
// COPY: "arith.subi"(%[[ROW]], %{{.*}})
// COPY: "memref.store"(%{{.*}}, %[[PADDED]], %{{.*}})
// COPY: "memref.alloc"() {{.*}} : () -> memref<196x128xf32>
// COPY: "scf.parallel"
// COPY: "vector.fma"
// COPY: sym_name = "conv_parts_copy_out"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_parts_copy_out"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x64x14x14xf32>, %b: tensor<128xf32>):
    %w = "nn.constant"() {value = dense<0.25> : tensor<128x64x3x3xf32>} : () -> tensor<128x64x3x3xf32>
    %r = "nn.conv"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x64x14x14xf32>, tensor<128x64x3x3xf32>, tensor<128xf32>) -> tensor<1x128x14x14xf32>
    "func.return"(%r) : (tensor<1x128x14x14xf32>) -> ()
  }) {function_type = (tensor<1x64x14x14xf32>, tensor<128xf32>) -> tensor<1x128x14x14xf32>, sym_name = "conv_parts_copy_out"} : () -> ()
}) : () -> ()

// -----

// 100 pixels and 128 output channels: the weights (128 x 576) are the larger operand, so on
// two threads the product goes by output channels (ChannelLanesConv.weightsLarger), each
// iteration multiplying pixels by a 64 channels' B panel and copying those channels out. Two
// panels are too few for the threads to balance, so each panel's pixels go in chunks of 48,
// 48 and 4 rows (ChannelLanesConv.inPanelChunks): six iterations, each on a view of its rows
// of the product.
// CHECK-LABEL: // -----
// CHECK: sym_name = "conv_weights_larger"
// PARTS-LABEL: // -----
// PARTS-DAG: %[[C6:.*]] = "arith.constant"() {value = 6 : index}
// PARTS-DAG: %[[C3:.*]] = "arith.constant"() {value = 3 : index}
// PARTS: %[[PRODUCT:.*]] = "memref.alloc"() {{.*}} -> memref<100x128xf32>
// PARTS-NEXT: "memref.collapse_shape"
// PARTS-NEXT: "scf.parallel"(%{{.*}}, %[[C6]], %{{.*}}) ({
// PARTS-NEXT: ^bb0(%[[IT:.*]]: index):
// PARTS-NEXT: "arith.divui"(%[[IT]], %[[C3]])
// PARTS-NEXT: "arith.remui"(%[[IT]], %[[C3]])
// PARTS: "memref.subview"(%[[PRODUCT]], %{{.*}}) {{.*}} static_sizes = array<i64: 4, 128>
// PARTS: "vector.fma"
// PARTS: "vector.shuffle"
// PARTS: "vector.store"({{.*}}) : (vector<16xf32>, memref<1x128x100xf32>, index, index, index) -> ()
// PARTS: sym_name = "conv_weights_larger"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_weights_larger"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x64x10x10xf32>, %w: tensor<128x64x3x3xf32>):
    %r = "nn.conv"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x64x10x10xf32>, tensor<128x64x3x3xf32>) -> tensor<1x128x10x10xf32>
    "func.return"(%r) : (tensor<1x128x10x10xf32>) -> ()
  }) {function_type = (tensor<1x64x10x10xf32>, tensor<128x64x3x3xf32>) -> tensor<1x128x10x10xf32>, sym_name = "conv_weights_larger"} : () -> ()
}) : () -> ()

// -----

// A strided 3 x 3 convolution (64 -> 128 channels, 13 x 13 -> 7 x 7) turned, A read in place
// from the channel-blocked zero-bordered copy (64 x 15 x 15 in blocks of 8 channels), through
// the tables of k and pixel offsets, into the multiply-adds: no panels of A (with 16 lanes a
// stride with padding does not pack, ChannelLanesConv.packsA).
// CHECK-LABEL: // -----
// CHECK-NOT: memref<9x576x6xf32>
// CHECK: %[[PADDED:.*]] = "memref.alloc"() {{.*}} -> memref<14400xf32>
// CHECK: %[[KOFF:.*]] = "memref.get_global"() {{.*}} -> memref<576xi64>
// CHECK: %[[POFF:.*]] = "memref.get_global"() {{.*}} -> memref<54xi64>
// CHECK: "memref.load"(%[[KOFF]]
// CHECK: "memref.load"(%[[POFF]]
// CHECK: %[[V:.*]] = "memref.load"(%[[PADDED]], %{{.*}}) : (memref<14400xf32>, index) -> f32
// CHECK-NEXT: %[[B:.*]] = "vector.broadcast"(%[[V]])
// CHECK-NEXT: "vector.fma"(%[[B]]
// CHECK-NOT: memref<9x576x6xf32>
// CHECK: sym_name = "conv_strided_blocked"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_strided_blocked"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x64x13x13xf32>, %w: tensor<128x64x3x3xf32>):
    %r = "nn.conv"(%x, %w) {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x64x13x13xf32>, tensor<128x64x3x3xf32>) -> tensor<1x128x7x7xf32>
    "func.return"(%r) : (tensor<1x128x7x7xf32>) -> ()
  }) {function_type = (tensor<1x64x13x13xf32>, tensor<128x64x3x3xf32>) -> tensor<1x128x7x7xf32>, sym_name = "conv_strided_blocked"} : () -> ()
}) : () -> ()

// -----

// The same without padding (13 x 13 -> 6 x 6): A packed from the image itself (a stride
// scatters a panel's pixels), through the tables of k and pixel offsets, into 6 panels of 6
// pixels by 576 taps x channels, which the micro-kernel reads.
// CHECK-LABEL: // -----
// CHECK: %[[PA:.*]] = "memref.alloc"() {{.*}} -> memref<6x576x6xf32>
// CHECK: %[[KOFF:.*]] = "memref.get_global"() {{.*}} -> memref<576xi64>
// CHECK: %[[POFF:.*]] = "memref.get_global"() {{.*}} -> memref<36xi64>
// CHECK: "memref.load"(%[[KOFF]]
// CHECK: "memref.load"(%[[POFF]]
// CHECK: %[[V:.*]] = "memref.load"(%{{.*}}, %{{.*}}) : (memref<10816xf32>, index) -> f32
// CHECK-NEXT: "memref.store"(%[[V]], %[[PA]], %{{.*}}, %{{.*}}, %{{.*}}) : (f32, memref<6x576x6xf32>, index, index, index) -> ()
// CHECK: "memref.load"(%[[PA]], %{{.*}}, %{{.*}}, %{{.*}}) : (memref<6x576x6xf32>, index, index, index) -> f32
// CHECK: "vector.fma"
// CHECK: sym_name = "conv_strided_packed"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_strided_packed"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x64x13x13xf32>, %w: tensor<128x64x3x3xf32>):
    %r = "nn.conv"(%x, %w) {strides = array<i64: 2, 2>} : (tensor<1x64x13x13xf32>, tensor<128x64x3x3xf32>) -> tensor<1x128x6x6xf32>
    "func.return"(%r) : (tensor<1x128x6x6xf32>) -> ()
  }) {function_type = (tensor<1x64x13x13xf32>, tensor<128x64x3x3xf32>) -> tensor<1x128x6x6xf32>, sym_name = "conv_strided_packed"} : () -> ()
}) : () -> ()

// -----

// On two threads, weights larger than the pixels' matrix but only two B panels of 64 output
// channels (1024 -> 128 at 7 x 7): too few for the threads to balance, so each panel's 49
// pixels go in chunks too, of whole multiples of 48 rows (the 6-row A panels and 16-pixel
// vectors): 48 and 1. Four iterations, panel-major, each multiplying its chunk by its panel
// (A read in place from the chunk's first panel) and copying it out.
// CHECK-LABEL: // -----
// CHECK: sym_name = "conv_few_panels"
// PARTS-LABEL: ^bb0(%{{.*}}: tensor<1x1024x7x7xf32>):
// PARTS-DAG: %[[C4:.*]] = "arith.constant"() {value = 4 : index}
// PARTS-DAG: %[[C2:.*]] = "arith.constant"() {value = 2 : index}
// PARTS-DAG: %[[C48:.*]] = "arith.constant"() {value = 48 : index}
// PARTS: %[[PRODUCT:.*]] = "memref.alloc"() {{.*}} -> memref<49x128xf32>
// PARTS: "scf.parallel"(%{{.*}}, %[[C4]], %{{.*}}) ({
// PARTS-NEXT: ^bb0(%[[IT:.*]]: index):
// PARTS-NEXT: %[[PANEL:.*]] = "arith.divui"(%[[IT]], %[[C2]])
// PARTS-NEXT: %[[CHUNK:.*]] = "arith.remui"(%[[IT]], %[[C2]])
// PARTS-NEXT: %[[ROW:.*]] = "arith.muli"(%[[CHUNK]], %[[C48]])
// PARTS: "memref.subview"(%[[PRODUCT]], %[[ROW]]) {{.*}} static_sizes = array<i64: 1, 128>
// PARTS: "vector.fma"
// PARTS: "memref.subview"(%[[PRODUCT]], %[[ROW]]) {{.*}} static_sizes = array<i64: 48, 128>
// PARTS: "vector.fma"
// PARTS-NOT: "scf.parallel"
// PARTS: sym_name = "conv_few_panels"
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "conv_few_panels"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x1024x7x7xf32>):
    %w = "nn.constant"() {value = dense<0.125> : tensor<128x1024x1x1xf32>} : () -> tensor<128x1024x1x1xf32>
    %r = "nn.conv"(%x, %w) : (tensor<1x1024x7x7xf32>, tensor<128x1024x1x1xf32>) -> tensor<1x128x7x7xf32>
    "func.return"(%r) : (tensor<1x128x7x7xf32>) -> ()
  }) {function_type = (tensor<1x1024x7x7xf32>) -> tensor<1x128x7x7xf32>, sym_name = "conv_few_panels"} : () -> ()
}) : () -> ()
