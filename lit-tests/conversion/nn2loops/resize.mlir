// RUN: %sol-opt %s --split-input-file -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --split-input-file --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.resize is separable: one pass per changed axis, innermost first. Each pass reads, per
// output position o along its axis, the input indices and weights of its taps from constant
// tables (private memref.globals computed at compile time: the shapes are static) and sums
// offset[o] + weight * input over the taps (an scf.for with an f32 iter_arg). Here nearest
// (default half_pixel, round_prefer_floor): 2x2 to 4x3, the width pass (2 to 3, scale 1.5:
// indices 0, 0, 1) into a 1x1x2x3 temporary, the height pass (2 to 4, scale 2: indices 0, 0,
// 1, 1) into the result, then the temporary is freed. Nearest has one tap of weight 1.
// CHECK-LABEL: "builtin.module"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0], [0], [1]]> : tensor<3x1xi64>, sym_name = "[[WIDX:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<1.000000e+00> : tensor<3x1xf32>, sym_name = "[[WW:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<0.000000e+00> : tensor<3xf32>, sym_name = "[[WOFF:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0], [0], [1], [1]]> : tensor<4x1xi64>, sym_name = "[[HIDX:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<1.000000e+00> : tensor<4x1xf32>, sym_name = "[[HW:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<0.000000e+00> : tensor<4xf32>, sym_name = "[[HOFF:[^"]+]]"
// CHECK: "func.func"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x1x2x2xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x1x4x3xf32>
// CHECK-DAG: %[[WIDXM:.*]] = "memref.get_global"() {name = @[[WIDX]]} : () -> memref<3x1xi64>
// CHECK-DAG: %[[WWM:.*]] = "memref.get_global"() {name = @[[WW]]} : () -> memref<3x1xf32>
// CHECK-DAG: %[[WOFFM:.*]] = "memref.get_global"() {name = @[[WOFF]]} : () -> memref<3xf32>
// CHECK-DAG: %[[TMP:.*]] = "memref.alloc"() {{.*}} : () -> memref<1x1x2x3xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[N:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[C:.*]]: index):
// CHECK-DAG: %[[UBH:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBH]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[H:.*]]: index):
// CHECK-DAG: %[[UBW:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBW]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[W:.*]]: index):
// CHECK: %[[INIT:.*]] = "memref.load"(%[[WOFFM]], %[[W]]) : (memref<3xf32>, index) -> f32
// CHECK-DAG: %[[TAPS:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: %[[ACC:.*]] = "scf.for"(%{{.*}}, %[[TAPS]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[T:.*]]: index, %[[S:.*]]: f32):
// CHECK: %[[RAW:.*]] = "memref.load"(%[[WIDXM]], %[[W]], %[[T]]) : (memref<3x1xi64>, index, index) -> i64
// CHECK: %[[I:.*]] = "arith.index_cast"(%[[RAW]]) : (i64) -> index
// CHECK: %[[WT:.*]] = "memref.load"(%[[WWM]], %[[W]], %[[T]]) : (memref<3x1xf32>, index, index) -> f32
// CHECK: %[[V:.*]] = "memref.load"(%[[XM]], %[[N]], %[[C]], %[[H]], %[[I]]) : (memref<1x1x2x2xf32>, index, index, index, index) -> f32
// CHECK: %[[P:.*]] = "arith.mulf"(%[[WT]], %[[V]])
// CHECK: %[[NS:.*]] = "arith.addf"(%[[S]], %[[P]])
// CHECK: "scf.yield"(%[[NS]])
// CHECK: "memref.store"(%[[ACC]], %[[TMP]], %[[N]], %[[C]], %[[H]], %[[W]])
// CHECK-DAG: %[[HIDXM:.*]] = "memref.get_global"() {name = @[[HIDX]]} : () -> memref<4x1xi64>
// CHECK-DAG: %[[HWM:.*]] = "memref.get_global"() {name = @[[HW]]} : () -> memref<4x1xf32>
// CHECK-DAG: %[[HOFFM:.*]] = "memref.get_global"() {name = @[[HOFF]]} : () -> memref<4xf32>
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[N2:.*]]: index):
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[C2:.*]]: index):
// CHECK-DAG: %[[UBH2:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBH2]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[H2:.*]]: index):
// CHECK-DAG: %[[UBW2:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UBW2]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[W2:.*]]: index):
// CHECK: %[[INIT2:.*]] = "memref.load"(%[[HOFFM]], %[[H2]])
// CHECK: %[[ACC2:.*]] = "scf.for"(%{{.*}}, %{{.*}}, %{{.*}}, %[[INIT2]]) ({
// CHECK-NEXT: ^bb0(%[[T2:.*]]: index, %[[S2:.*]]: f32):
// CHECK: %[[RAW2:.*]] = "memref.load"(%[[HIDXM]], %[[H2]], %[[T2]])
// CHECK: %[[I2:.*]] = "arith.index_cast"(%[[RAW2]])
// CHECK: %[[WT2:.*]] = "memref.load"(%[[HWM]], %[[H2]], %[[T2]])
// CHECK: %[[V2:.*]] = "memref.load"(%[[TMP]], %[[N2]], %[[C2]], %[[I2]], %[[W2]]) : (memref<1x1x2x3xf32>, index, index, index, index) -> f32
// CHECK: %[[P2:.*]] = "arith.mulf"(%[[WT2]], %[[V2]])
// CHECK: "arith.addf"(%[[S2]], %[[P2]])
// CHECK: "memref.store"(%[[ACC2]], %[[OUT]], %[[N2]], %[[C2]], %[[H2]], %[[W2]])
// CHECK: "memref.dealloc"(%[[TMP]])
// CHECK: "bufferization.to_tensor"(%[[OUT]])
// CHECK: sym_name = "resize_nearest_2d"
"func.func"() ({
^bb0(%x: tensor<1x1x2x2xf32>):
  %0 = "nn.resize"(%x) {mode = "nearest", sizes = array<i64: 1, 1, 4, 3>, scales = array<f64: 1.0, 1.0, 2.0, 1.5>} : (tensor<1x1x2x2xf32>) -> tensor<1x1x4x3xf32>
  "func.return"(%0) : (tensor<1x1x4x3xf32>) -> ()
}) {function_type = (tensor<1x1x2x2xf32>) -> tensor<1x1x4x3xf32>, sym_name = "resize_nearest_2d"} : () -> ()

// -----

// tf_crop_and_resize with roi [-0.5, 1] on the last axis and extrapolation_value 2.5: positions
// -1, 0.5, 2; the first falls outside the input, so its weights are 0 and its offset (the
// sum's initial value) is 2.5. With this mode every axis is resampled, even the unchanged
// ones (four passes; three temporaries).
// CHECK-LABEL: "builtin.module"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0, 0], [0, 1], [2, 2]]> : tensor<3x2xi64>, sym_name = "[[IDX:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0.000000e+00, 0.000000e+00], [5.000000e-01, 5.000000e-01], [1.000000e+00, 0.000000e+00]]> : tensor<3x2xf32>, sym_name = "[[W:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<[2.500000e+00, 0.000000e+00, 0.000000e+00]> : tensor<3xf32>, sym_name = "[[OFF:[^"]+]]"
// CHECK: "func.func"
// CHECK: %[[OFFM:.*]] = "memref.get_global"() {name = @[[OFF]]}
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%[[O:.*]]: index):
// CHECK: %[[INIT:.*]] = "memref.load"(%[[OFFM]], %[[O]])
// CHECK: "scf.for"(%{{.*}}, %{{.*}}, %{{.*}}, %[[INIT]])
// CHECK-COUNT-3: "memref.dealloc"
// CHECK-NOT: "memref.dealloc"
// CHECK: sym_name = "resize_tf_crop_and_resize"
"func.func"() ({
^bb0(%x: tensor<1x1x1x3xf32>):
  %0 = "nn.resize"(%x) {mode = "linear", coordinate_transformation_mode = "tf_crop_and_resize", roi = array<f64: 0.0, 0.0, 0.0, -0.5, 1.0, 1.0, 1.0, 1.0>, extrapolation_value = 2.500000e+00 : f32, sizes = array<i64: 1, 1, 1, 3>, scales = array<f64: 1.0, 1.0, 1.0, 1.0>} : (tensor<1x1x1x3xf32>) -> tensor<1x1x1x3xf32>
  "func.return"(%0) : (tensor<1x1x1x3xf32>) -> ()
}) {function_type = (tensor<1x1x1x3xf32>) -> tensor<1x1x1x3xf32>, sym_name = "resize_tf_crop_and_resize"} : () -> ()

// -----

// A resize that changes no axis is a plain copy: no tables, no reduction.
// CHECK-LABEL: "builtin.module"
// CHECK-NOT: "memref.global"
// CHECK: ^bb0(%[[X:.*]]: tensor<1x1x2x2xf32>):
// CHECK: %[[XM:.*]] = "bufferization.to_memref"(%[[X]])
// CHECK: %[[OUT:.*]] = "memref.alloc"()
// CHECK-NOT: "memref.get_global"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-NEXT: ^bb0(%{{.*}}: index):
// CHECK-NEXT: %[[V:.*]] = "memref.load"(%[[XM]],
// CHECK-NEXT: "memref.store"(%[[V]], %[[OUT]],
// CHECK-NOT: "arith.mulf"
// CHECK: sym_name = "resize_unchanged"
"func.func"() ({
^bb0(%x: tensor<1x1x2x2xf32>):
  %0 = "nn.resize"(%x) {mode = "linear", sizes = array<i64: 1, 1, 2, 2>, scales = array<f64: 1.0, 1.0, 1.0, 1.0>} : (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  "func.return"(%0) : (tensor<1x1x2x2xf32>) -> ()
}) {function_type = (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>, sym_name = "resize_unchanged"} : () -> ()

// Interpreting each module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<1x1x2x2xf32>, memref<1x1x4x3xf32>) -> (), sym_name = "resize_nearest_2d"
// EQUIV: function_type = (memref<1x1x1x3xf32>, memref<1x1x1x3xf32>) -> (), sym_name = "resize_tf_crop_and_resize"
// EQUIV: function_type = (memref<1x1x2x2xf32>, memref<1x1x2x2xf32>) -> (), sym_name = "resize_unchanged"
