// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=4 vector-registers=8},canonicalize,cse' | FileCheck %s --implicit-check-not='"nn.conv'
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 l2-cache=1024 l3-cache=2048},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=16 threads=2 parallel-work=1},canonicalize,cse' | FileCheck %s --check-prefix=THREADS

// Convolutions of several groups (not depthwise) are a loop over the groups, each the matrix
// product of the vector kernels on views of its channels.
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "grouped_1x1"
// EQUIV: sym_name = "grouped_3x3_bias"
// EQUIV: sym_name = "grouped_strided_constant"
// EQUIV: sym_name = "grouped_many"

// Two groups of a 1 x 1 convolution: for each group, views of its 2 input channels, its 3
// output channels' weights and its 3 output channels (offsets g * 2 and g * 3), the weights
// packed from the view, the image's rows read from the view of the input. The packing buffer
// is allocated once, before the loop over the groups.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<2x4x5x6xf32>, %[[W:.*]]: tensor<6x2x1x1xf32>):
// CHECK-DAG: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK-DAG: %[[WM:.*]] = "bufferization.to_memref"(%[[W]])
// CHECK-DAG: %[[C2:.*]] = "arith.constant"() {value = 2 : index}
// CHECK-DAG: %[[C3:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<2x6x5x6xf32>
// CHECK: %[[PA:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x2x3xf32>
// CHECK: "scf.for"(%{{.*}}, %[[C2]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[G:.*]]: index):
// CHECK-DAG: %[[IC:.*]] = "arith.muli"(%[[G]], %[[C2]])
// CHECK-DAG: %[[OC:.*]] = "arith.muli"(%[[G]], %[[C3]])
// CHECK-DAG: %[[XG:.*]] = "memref.subview"(%[[XM]], %[[IC]]) {{.*}}static_offsets = array<i64: 0, -9223372036854775808, 0, 0>, static_sizes = array<i64: 2, 2, 5, 6>, static_strides = array<i64: 1, 1, 1, 1>} : (memref<2x4x5x6xf32>, index) -> memref<2x2x5x6xf32, strided<[120, 30, 6, 1], offset: ?>>
// CHECK-DAG: %[[WG:.*]] = "memref.subview"(%[[WM]], %[[OC]]) {{.*}} : (memref<6x2x1x1xf32>, index) -> memref<3x2x1x1xf32, strided<[2, 1, 1, 1], offset: ?>>
// CHECK-DAG: %[[OG:.*]] = "memref.subview"(%[[OUT]], %[[OC]]) {{.*}} : (memref<2x6x5x6xf32>, index) -> memref<2x3x5x6xf32, strided<[180, 30, 6, 1], offset: ?>>
// CHECK: "memref.collapse_shape"(%[[WG]]) {reassociation = {{\[\[}}0], [1, 2, 3]]} : (memref<3x2x1x1xf32, strided<[2, 1, 1, 1], offset: ?>>) -> memref<3x2xf32, strided<[2, 1], offset: ?>>
// CHECK: "memref.store"(%{{.*}}, %[[PA]], %{{.*}}, %{{.*}}, %{{.*}})
// CHECK: "memref.collapse_shape"(%[[XG]]) {reassociation = {{\[\[}}0], [1], [2, 3]]} : (memref<2x2x5x6xf32, strided<[120, 30, 6, 1], offset: ?>>) -> memref<2x2x30xf32, strided<[120, 30, 1], offset: ?>>
// CHECK: "memref.collapse_shape"(%[[OG]]) {reassociation = {{\[\[}}0], [1], [2, 3]]} : (memref<2x3x5x6xf32, strided<[180, 30, 6, 1], offset: ?>>) -> memref<2x3x30xf32, strided<[180, 30, 1], offset: ?>>
// CHECK: "vector.fma"
// CHECK: sym_name = "grouped_1x1"
"func.func"() ({
^bb0(%x: tensor<2x4x5x6xf32>, %w: tensor<6x2x1x1xf32>):
  %0 = "nn.conv"(%x, %w) {group = 2 : i64} : (tensor<2x4x5x6xf32>, tensor<6x2x1x1xf32>) -> tensor<2x6x5x6xf32>
  "func.return"(%0) : (tensor<2x6x5x6xf32>) -> ()
}) {function_type = (tensor<2x4x5x6xf32>, tensor<6x2x1x1xf32>) -> tensor<2x6x5x6xf32>, sym_name = "grouped_1x1"} : () -> ()

// Stride 1 with padding (shifted copies of the image): the bias of each group is a view of the
// bias too, and the buffer of the copies (3 tap columns x 2 channels x 9 x 7, and a vector of
// slack) is allocated once for all groups.
// CHECK-LABEL: "func.func"
// CHECK: ^bb0(%{{.*}}: tensor<1x6x7x7xf32>, %{{.*}}: tensor<9x2x3x3xf32>, %[[B:.*]]: tensor<9xf32>):
// CHECK: %[[BM:.*]] = "bufferization.to_memref"(%[[B]])
// CHECK: "memref.alloc"() {{.*}} : () -> memref<382xf32>
// CHECK: "scf.for"
// CHECK: "memref.subview"(%[[BM]], %{{.*}}) {{.*}} : (memref<9xf32>, index) -> memref<3xf32, strided<[1], offset: ?>>
// CHECK-NOT: "memref.alloc"
// CHECK: sym_name = "grouped_3x3_bias"
"func.func"() ({
^bb0(%x: tensor<1x6x7x7xf32>, %w: tensor<9x2x3x3xf32>, %b: tensor<9xf32>):
  %0 = "nn.conv"(%x, %w, %b) {group = 3 : i64, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x6x7x7xf32>, tensor<9x2x3x3xf32>, tensor<9xf32>) -> tensor<1x9x7x7xf32>
  "func.return"(%0) : (tensor<1x9x7x7xf32>) -> ()
}) {function_type = (tensor<1x6x7x7xf32>, tensor<9x2x3x3xf32>, tensor<9xf32>) -> tensor<1x9x7x7xf32>, sym_name = "grouped_3x3_bias"} : () -> ()

// Constant weights are packed at compile time, group after group, into one table (2 groups x
// 1 panel of 2 rows; the first group's output channels 0 and 1, whose 4 taps are 1, 2, 3, 4
// and 5, 6, 7, 8, interleaved, in tap-major order (tap, channel): 1, 3, 2, 4); each group
// reads its panels through a view. Strides go through the shifted copies. (One input channel
// per group with as many groups as channels would be a depthwise convolution, which has a
// kernel of its own.)
// CHECK-LABEL: "memref.global"
// CHECK-SAME: initial_value = dense<{{\[\[\[}}1.000000e+00, 5.000000e+00], [3.000000e+00, 7.000000e+00], [2.000000e+00, 6.000000e+00], [4.000000e+00, 8.000000e+00]], {{\[\[}}9.000000e+00, 1.300000e+01]
// CHECK-SAME: tensor<2x4x2xf32>
// CHECK-LABEL: "func.func"
// CHECK: %[[TABLE:.*]] = "memref.get_global"() {{.*}} : () -> memref<2x4x2xf32>
// CHECK: "scf.for"
// CHECK: "memref.subview"(%[[TABLE]], %{{.*}}) {{.*}} : (memref<2x4x2xf32>, index) -> memref<1x4x2xf32, strided<[8, 2, 1], offset: ?>>
// CHECK: "vector.fma"
// CHECK: sym_name = "grouped_strided_constant"
"func.func"() ({
^bb0(%x: tensor<1x4x7x9xf32>):
  %w = "nn.constant"() {value = dense<[[[[1.0, 2.0]], [[3.0, 4.0]]], [[[5.0, 6.0]], [[7.0, 8.0]]], [[[9.0, 10.0]], [[11.0, 12.0]]], [[[13.0, 14.0]], [[15.0, 16.0]]]]> : tensor<4x2x1x2xf32>} : () -> tensor<4x2x1x2xf32>
  %0 = "nn.conv"(%x, %w) {group = 2 : i64, strides = array<i64: 2, 2>, pads = array<i64: 0, 1, 1, 0>} : (tensor<1x4x7x9xf32>, tensor<4x2x1x2xf32>) -> tensor<1x4x4x5xf32>
  "func.return"(%0) : (tensor<1x4x4x5xf32>) -> ()
}) {function_type = (tensor<1x4x7x9xf32>) -> tensor<1x4x4x5xf32>, sym_name = "grouped_strided_constant"} : () -> ()

// Many small groups (ResNeXt's 32 x 4 channels, here 8 x 4) with a batch of two.
// On two threads the groups go to them as two runs of 4: a parallel loop over the two parts,
// part p doing groups [8p / 2, 8(p + 1) / 2) on one thread. Its scratch, the packed weights (36 x 4)
// and the shifted copies (592 floats), is its own: each a slot of a buffer of two slots made
// before the loop (here in the function's slot space, the second 576 bytes after the first),
// viewed at p times the slot stride (2 MB) as the buffer one thread would allocate.
// THREADS: sym_name = "grouped_strided_constant"
// THREADS-DAG: %[[C8:.*]] = "arith.constant"() {value = 8 : index}
// THREADS-DAG: %[[C2:.*]] = "arith.constant"() {value = 2 : index}
// THREADS-DAG: %[[C576:.*]] = "arith.constant"() {value = 576 : index}
// THREADS: %[[SPACE:.*]] = "memref.alloc"() {{.*}} : () -> memref<{{[0-9]+}}xi8>
// THREADS: %[[PACKED:.*]] = "memref.view"(%[[SPACE]], %{{.*}}) : (memref<{{[0-9]+}}xi8>, index) -> memref<4194304xi8>
// THREADS: %[[COPIES:.*]] = "memref.view"(%[[SPACE]], %[[C576]]) : (memref<{{[0-9]+}}xi8>, index) -> memref<4194304xi8>
// THREADS: "scf.parallel"
// THREADS-NEXT: ^bb0(%[[P:.*]]: index):
// THREADS-NEXT: %[[P8:.*]] = "arith.muli"(%[[P]], %[[C8]])
// THREADS-NEXT: %[[FROM:.*]] = "arith.divui"(%[[P8]], %[[C2]])
// THREADS-NEXT: %[[P1:.*]] = "arith.addi"(%[[P]], %{{.*}})
// THREADS-NEXT: %[[P18:.*]] = "arith.muli"(%[[P1]], %[[C8]])
// THREADS-NEXT: %[[TO:.*]] = "arith.divui"(%[[P18]], %[[C2]])
// THREADS-NEXT: "scf.for"(%[[FROM]], %[[TO]], %{{.*}})
// THREADS: %[[SLOT:.*]] = "arith.muli"(%[[P]], %{{.*}})
// THREADS-NEXT: "memref.view"(%[[PACKED]], %[[SLOT]]) : (memref<4194304xi8>, index) -> memref<1x36x4xf32>
// THREADS: "memref.view"(%[[COPIES]], %[[SLOT]]) : (memref<4194304xi8>, index) -> memref<592xf32>
// THREADS-NOT: "memref.alloc"
// THREADS: sym_name = "grouped_many"
// CHECK-LABEL: "func.func"
// CHECK: "vector.fma"
// CHECK: sym_name = "grouped_many"
"func.func"() ({
^bb0(%x: tensor<2x32x6x6xf32>, %w: tensor<32x4x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {group = 8 : i64, pads = array<i64: 1, 1, 1, 1>} : (tensor<2x32x6x6xf32>, tensor<32x4x3x3xf32>) -> tensor<2x32x6x6xf32>
  "func.return"(%0) : (tensor<2x32x6x6xf32>) -> ()
}) {function_type = (tensor<2x32x6x6xf32>, tensor<32x4x3x3xf32>) -> tensor<2x32x6x6xf32>, sym_name = "grouped_many"} : () -> ()
