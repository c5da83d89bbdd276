// RUN: %sol-opt %s --split-input-file -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --split-input-file --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.resize with mode = "nearest": one tap of weight 1 per output position (see resize.mlir for
// the loop structure); the index tables follow ONNX's rounding modes.

// nearest_mode: asymmetric coordinates o / 4 for 2 to 8 (0, 0.25, 0.5, ... 1.75), rounded by
// floor.
// CHECK-LABEL: "builtin.module"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0], [0], [0], [0], [1], [1], [1], [1]]> : tensor<8x1xi64>, sym_name = "[[IDX:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<1.000000e+00> : tensor<8x1xf32>, sym_name = "[[W:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<0.000000e+00> : tensor<8xf32>, sym_name = "[[OFF:[^"]+]]"
// CHECK: "func.func"
// CHECK-DAG: %[[IDXM:.*]] = "memref.get_global"() {name = @[[IDX]]}
// CHECK-DAG: %[[WM:.*]] = "memref.get_global"() {name = @[[W]]}
// CHECK-DAG: %[[OFFM:.*]] = "memref.get_global"() {name = @[[OFF]]}
// CHECK-NOT: "memref.alloc"() {{.*}} : () -> memref<1x1x1x2xf32>
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-DAG: %[[UB:.*]] = "arith.constant"() {value = 8 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[O:.*]]: index):
// CHECK: %[[INIT:.*]] = "memref.load"(%[[OFFM]], %[[O]])
// CHECK-DAG: %[[TAPS:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[TAPS]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[T:.*]]: index, %{{.*}}: f32):
// CHECK: "memref.load"(%[[IDXM]], %[[O]], %[[T]])
// CHECK: "memref.load"(%[[WM]], %[[O]], %[[T]])
// CHECK: sym_name = "resize_nearest_floor"
"func.func"() ({
^bb0(%x: tensor<1x1x1x2xf32>):
  %0 = "nn.resize"(%x) {mode = "nearest", coordinate_transformation_mode = "asymmetric", nearest_mode = "floor", sizes = array<i64: 1, 1, 1, 8>, scales = array<f64: 1.0, 1.0, 1.0, 4.0>} : (tensor<1x1x1x2xf32>) -> tensor<1x1x1x8xf32>
  "func.return"(%0) : (tensor<1x1x1x8xf32>) -> ()
}) {function_type = (tensor<1x1x1x2xf32>) -> tensor<1x1x1x8xf32>, sym_name = "resize_nearest_floor"} : () -> ()

// -----

// nearest_mode: asymmetric coordinates o / 4 for 2 to 8 (0, 0.25, 0.5, ... 1.75), rounded by
// ceil (clamped to the last index).
// CHECK-LABEL: "builtin.module"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0], [1], [1], [1], [1], [1], [1], [1]]> : tensor<8x1xi64>, sym_name = "[[IDX:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<1.000000e+00> : tensor<8x1xf32>, sym_name = "[[W:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<0.000000e+00> : tensor<8xf32>, sym_name = "[[OFF:[^"]+]]"
// CHECK: "func.func"
// CHECK-DAG: %[[IDXM:.*]] = "memref.get_global"() {name = @[[IDX]]}
// CHECK-DAG: %[[WM:.*]] = "memref.get_global"() {name = @[[W]]}
// CHECK-DAG: %[[OFFM:.*]] = "memref.get_global"() {name = @[[OFF]]}
// CHECK-NOT: "memref.alloc"() {{.*}} : () -> memref<1x1x1x2xf32>
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-DAG: %[[UB:.*]] = "arith.constant"() {value = 8 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[O:.*]]: index):
// CHECK: %[[INIT:.*]] = "memref.load"(%[[OFFM]], %[[O]])
// CHECK-DAG: %[[TAPS:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[TAPS]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[T:.*]]: index, %{{.*}}: f32):
// CHECK: "memref.load"(%[[IDXM]], %[[O]], %[[T]])
// CHECK: "memref.load"(%[[WM]], %[[O]], %[[T]])
// CHECK: sym_name = "resize_nearest_ceil"
"func.func"() ({
^bb0(%x: tensor<1x1x1x2xf32>):
  %0 = "nn.resize"(%x) {mode = "nearest", coordinate_transformation_mode = "asymmetric", nearest_mode = "ceil", sizes = array<i64: 1, 1, 1, 8>, scales = array<f64: 1.0, 1.0, 1.0, 4.0>} : (tensor<1x1x1x2xf32>) -> tensor<1x1x1x8xf32>
  "func.return"(%0) : (tensor<1x1x1x8xf32>) -> ()
}) {function_type = (tensor<1x1x1x2xf32>) -> tensor<1x1x1x8xf32>, sym_name = "resize_nearest_ceil"} : () -> ()

// -----

// nearest_mode: asymmetric coordinates o / 4 for 2 to 8 (0, 0.25, 0.5, ... 1.75), rounded by
// round_prefer_ceil (0.5 goes up).
// CHECK-LABEL: "builtin.module"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0], [0], [1], [1], [1], [1], [1], [1]]> : tensor<8x1xi64>, sym_name = "[[IDX:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<1.000000e+00> : tensor<8x1xf32>, sym_name = "[[W:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<0.000000e+00> : tensor<8xf32>, sym_name = "[[OFF:[^"]+]]"
// CHECK: "func.func"
// CHECK-DAG: %[[IDXM:.*]] = "memref.get_global"() {name = @[[IDX]]}
// CHECK-DAG: %[[WM:.*]] = "memref.get_global"() {name = @[[W]]}
// CHECK-DAG: %[[OFFM:.*]] = "memref.get_global"() {name = @[[OFF]]}
// CHECK-NOT: "memref.alloc"() {{.*}} : () -> memref<1x1x1x2xf32>
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-DAG: %[[UB:.*]] = "arith.constant"() {value = 8 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[O:.*]]: index):
// CHECK: %[[INIT:.*]] = "memref.load"(%[[OFFM]], %[[O]])
// CHECK-DAG: %[[TAPS:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[TAPS]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[T:.*]]: index, %{{.*}}: f32):
// CHECK: "memref.load"(%[[IDXM]], %[[O]], %[[T]])
// CHECK: "memref.load"(%[[WM]], %[[O]], %[[T]])
// CHECK: sym_name = "resize_nearest_round_prefer_ceil"
"func.func"() ({
^bb0(%x: tensor<1x1x1x2xf32>):
  %0 = "nn.resize"(%x) {mode = "nearest", coordinate_transformation_mode = "asymmetric", nearest_mode = "round_prefer_ceil", sizes = array<i64: 1, 1, 1, 8>, scales = array<f64: 1.0, 1.0, 1.0, 4.0>} : (tensor<1x1x1x2xf32>) -> tensor<1x1x1x8xf32>
  "func.return"(%0) : (tensor<1x1x1x8xf32>) -> ()
}) {function_type = (tensor<1x1x1x2xf32>) -> tensor<1x1x1x8xf32>, sym_name = "resize_nearest_round_prefer_ceil"} : () -> ()

// -----

// nearest_mode: asymmetric coordinates o / 4 for 2 to 8 (0, 0.25, 0.5, ... 1.75), rounded by
// round_prefer_floor, the default (0.5 goes down).
// CHECK-LABEL: "builtin.module"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0], [0], [0], [1], [1], [1], [1], [1]]> : tensor<8x1xi64>, sym_name = "[[IDX:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<1.000000e+00> : tensor<8x1xf32>, sym_name = "[[W:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<0.000000e+00> : tensor<8xf32>, sym_name = "[[OFF:[^"]+]]"
// CHECK: "func.func"
// CHECK-DAG: %[[IDXM:.*]] = "memref.get_global"() {name = @[[IDX]]}
// CHECK-DAG: %[[WM:.*]] = "memref.get_global"() {name = @[[W]]}
// CHECK-DAG: %[[OFFM:.*]] = "memref.get_global"() {name = @[[OFF]]}
// CHECK-NOT: "memref.alloc"() {{.*}} : () -> memref<1x1x1x2xf32>
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-DAG: %[[UB:.*]] = "arith.constant"() {value = 8 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[O:.*]]: index):
// CHECK: %[[INIT:.*]] = "memref.load"(%[[OFFM]], %[[O]])
// CHECK-DAG: %[[TAPS:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[TAPS]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[T:.*]]: index, %{{.*}}: f32):
// CHECK: "memref.load"(%[[IDXM]], %[[O]], %[[T]])
// CHECK: "memref.load"(%[[WM]], %[[O]], %[[T]])
// CHECK: sym_name = "resize_nearest_round_prefer_floor"
"func.func"() ({
^bb0(%x: tensor<1x1x1x2xf32>):
  %0 = "nn.resize"(%x) {mode = "nearest", coordinate_transformation_mode = "asymmetric", sizes = array<i64: 1, 1, 1, 8>, scales = array<f64: 1.0, 1.0, 1.0, 4.0>} : (tensor<1x1x1x2xf32>) -> tensor<1x1x1x8xf32>
  "func.return"(%0) : (tensor<1x1x1x8xf32>) -> ()
}) {function_type = (tensor<1x1x1x2xf32>) -> tensor<1x1x1x8xf32>, sym_name = "resize_nearest_round_prefer_floor"} : () -> ()

// Interpreting each module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<1x1x1x2xf32>, memref<1x1x1x8xf32>) -> (), sym_name = "resize_nearest_floor"
// EQUIV: function_type = (memref<1x1x1x2xf32>, memref<1x1x1x8xf32>) -> (), sym_name = "resize_nearest_ceil"
// EQUIV: function_type = (memref<1x1x1x2xf32>, memref<1x1x1x8xf32>) -> (), sym_name = "resize_nearest_round_prefer_ceil"
// EQUIV: function_type = (memref<1x1x1x2xf32>, memref<1x1x1x8xf32>) -> (), sym_name = "resize_nearest_round_prefer_floor"
