// RUN: %sol-opt %s -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 winograd=false},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 winograd=false},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=8 vector-registers=16 winograd=false},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV
// RUN: %sol-opt %s --check-equivalence -p 'convert-nn-to-loops{vector-width=16 vector-registers=32 winograd=false threads=2 parallel-work=1},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// A 3 x 3 window dilated 6 over a 12 x 12 image (DeepLab's atrous pyramid, small): under a
// pixel near the left edge the window's left column reads padding in every row while its
// middle and right columns read inside, so one range of taps per panel of 6 pixels (row-major
// taps from the first that reads inside to the last) would keep its middle rows' left taps.
// The turned product keeps one range of taps per row of the window instead: a table of
// 24 panels x 3 ranges, and three loops over k, one per range, each going on from the sums
// of the one before, so the terms are added in the order of k as before.
// EQUIV-NOT: changed the results
// EQUIV: sym_name = "dilated"
// CHECK-LABEL: "func.func"
// CHECK: %[[RANGES:.*]] = "memref.get_global"() {{.*}} : () -> memref<24x6xi64>
// CHECK: %[[B0:.*]] = "memref.load"(%[[RANGES]], %[[P:.*]], %{{.*}}) : (memref<24x6xi64>, index, index) -> i64
// CHECK: %[[E0:.*]] = "memref.load"(%[[RANGES]], %[[P]], %{{.*}})
// CHECK: %[[B1:.*]] = "memref.load"(%[[RANGES]], %[[P]], %{{.*}})
// CHECK: %[[E1:.*]] = "memref.load"(%[[RANGES]], %[[P]], %{{.*}})
// CHECK: %[[B2:.*]] = "memref.load"(%[[RANGES]], %[[P]], %{{.*}})
// CHECK: %[[E2:.*]] = "memref.load"(%[[RANGES]], %[[P]], %{{.*}})
// CHECK: %[[FIRST:.*]]:12 = "scf.for"
// CHECK: "vector.fma"
// CHECK: %[[REST0:.*]]:12 = "scf.for"(%{{.*}}, %{{.*}}, %{{.*}}, %[[FIRST]]#0,
// CHECK: %[[SECOND:.*]]:12 = "scf.for"(%{{.*}}, %{{.*}}, %{{.*}}, %[[REST0]]#0,
// CHECK: %[[REST1:.*]]:12 = "scf.for"(%{{.*}}, %{{.*}}, %{{.*}}, %[[SECOND]]#0,
// CHECK: %[[THIRD:.*]]:12 = "scf.for"(%{{.*}}, %{{.*}}, %{{.*}}, %[[REST1]]#0,
// CHECK: "scf.for"(%{{.*}}, %{{.*}}, %{{.*}}, %[[THIRD]]#0,
// CHECK: sym_name = "dilated"
"func.func"() ({
^bb0(%x: tensor<1x16x12x12xf32>):
  %w = "nn.constant"() {value = dense<0.5> : tensor<32x16x3x3xf32>} : () -> tensor<32x16x3x3xf32>
  %0 = "nn.conv"(%x, %w) {dilations = array<i64: 6, 6>, pads = array<i64: 6, 6, 6, 6>} : (tensor<1x16x12x12xf32>, tensor<32x16x3x3xf32>) -> tensor<1x32x12x12xf32>
  "func.return"(%0) : (tensor<1x32x12x12xf32>) -> ()
}) {function_type = (tensor<1x16x12x12xf32>) -> tensor<1x32x12x12xf32>, sym_name = "dilated"} : () -> ()
