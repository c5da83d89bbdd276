// RUN: %sol-opt %s --split-input-file -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2 parallel-work=1},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'convert-nn-to-loops{vector-width=4 vector-registers=8 threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// A network's first convolution (3 channels, 3 x 3, stride 2) on two threads multiplies the
// shifted copies of the image, as on one thread, rather than going in bands of im2col. The
// threads split the product's columns (output rows in order), and each first makes the band of
// copy rows that its columns read, of every copy: a parallel loop over the two bands, each from
// row band * rows / 2, over the 3 channels.

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "stem"

// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[C2:.*]] = "arith.constant"() {value = 2 : index}
// CHECK-DAG: %[[C3:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: %[[COPIES:.*]] = "memref.alloc"() {{.*}} -> memref<{{[0-9]+}}xf32>
// CHECK: "scf.parallel"(%{{.*}}, %[[C2]], %{{.*}})
// CHECK: "arith.divui"(%{{.*}}, %[[C2]])
// CHECK: "arith.divui"(%{{.*}}, %[[C2]])
// CHECK: "scf.for"(%{{.*}}, %[[C3]], %{{.*}})
// CHECK: "vector.store"(%{{.*}}, %[[COPIES]]
// CHECK: "scf.parallel"
// CHECK: "vector.fma"
// CHECK: sym_name = "stem"
"func.func"() ({
^bb0(%x: tensor<1x3x67x67xf32>, %w: tensor<24x3x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {strides = array<i64: 2, 2>} : (tensor<1x3x67x67xf32>, tensor<24x3x3x3xf32>) -> tensor<1x24x33x33xf32>
  "func.return"(%0) : (tensor<1x24x33x33xf32>) -> ()
}) {function_type = (tensor<1x3x67x67xf32>, tensor<24x3x3x3xf32>) -> tensor<1x24x33x33xf32>, sym_name = "stem"} : () -> ()

// -----

// With many output channels for few pixels (64 x 64 pixels by 27) the threads split the
// product's rows, not its columns: then they take the copies one by one, a parallel loop over
// (channel, copy), 3 x 6 (tap columns 0-2 times row phases 0-1), each iteration making the one
// copy its index names.

// EQUIV-NOT: changed the results
// EQUIV: sym_name = "stem_rows"

// CHECK-LABEL: "func.func"
// CHECK-DAG: %[[C3:.*]] = "arith.constant"() {value = 3 : index}
// CHECK-DAG: %[[C6:.*]] = "arith.constant"() {value = 6 : index}
// CHECK: %[[COPIES:.*]] = "memref.alloc"() {{.*}} -> memref<1312xf32>
// CHECK: "scf.parallel"(%{{.*}}, %{{.*}}, %[[C3]], %[[C6]], %{{.*}}, %{{.*}})
// CHECK: "arith.cmpi"
// CHECK: "scf.if"
// CHECK: "memref.store"(%{{.*}}, %[[COPIES]]
// CHECK: "scf.parallel"
// CHECK: "vector.fma"
// CHECK: sym_name = "stem_rows"
"func.func"() ({
^bb0(%x: tensor<1x3x17x17xf32>, %w: tensor<64x3x3x3xf32>):
  %0 = "nn.conv"(%x, %w) {strides = array<i64: 2, 2>} : (tensor<1x3x17x17xf32>, tensor<64x3x3x3xf32>) -> tensor<1x64x8x8xf32>
  "func.return"(%0) : (tensor<1x64x8x8xf32>) -> ()
}) {function_type = (tensor<1x3x17x17xf32>, tensor<64x3x3x3xf32>) -> tensor<1x64x8x8xf32>, sym_name = "stem_rows"} : () -> ()
