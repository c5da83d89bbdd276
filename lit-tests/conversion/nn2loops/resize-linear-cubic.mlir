// RUN: %sol-opt %s --split-input-file -p convert-nn-to-loops | FileCheck %s --implicit-check-not='"nn.'
// RUN: %sol-opt %s --split-input-file --check-equivalence -p convert-nn-to-loops,bufferize 2>&1 | FileCheck %s --check-prefix=EQUIV

// nn.resize with mode = "linear" and "cubic": two and four taps per output position (see
// resize.mlir for the loop structure), with the index and weight tables of ONNX's coordinate
// transformations.

// mode = "linear" (half_pixel): two taps, floor(pos) and floor(pos) + 1 clamped into the input,
// weighted 1 - r and r. 2 to 4: positions -0.25, 0.25, 0.75, 1.25.
// CHECK-LABEL: "builtin.module"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0, 0], [0, 1], [0, 1], [1, 1]]> : tensor<4x2xi64>, sym_name = "[[IDX:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}2.500000e-01, 7.500000e-01], [7.500000e-01, 2.500000e-01], [2.500000e-01, 7.500000e-01], [7.500000e-01, 2.500000e-01]]> : tensor<4x2xf32>, sym_name = "[[W:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<0.000000e+00> : tensor<4xf32>, sym_name = "[[OFF:[^"]+]]"
// CHECK: "func.func"
// CHECK-DAG: %[[IDXM:.*]] = "memref.get_global"() {name = @[[IDX]]}
// CHECK-DAG: %[[WM:.*]] = "memref.get_global"() {name = @[[W]]}
// CHECK-DAG: %[[OFFM:.*]] = "memref.get_global"() {name = @[[OFF]]}
// CHECK-NOT: "memref.alloc"() {{.*}} : () -> memref<1x1x1x2xf32>
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-DAG: %[[UB:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[O:.*]]: index):
// CHECK: %[[INIT:.*]] = "memref.load"(%[[OFFM]], %[[O]])
// CHECK-DAG: %[[TAPS:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[TAPS]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[T:.*]]: index, %{{.*}}: f32):
// CHECK: "memref.load"(%[[IDXM]], %[[O]], %[[T]])
// CHECK: "memref.load"(%[[WM]], %[[O]], %[[T]])
// CHECK: sym_name = "resize_linear"
"func.func"() ({
^bb0(%x: tensor<1x1x1x2xf32>):
  %0 = "nn.resize"(%x) {mode = "linear", sizes = array<i64: 1, 1, 1, 4>, scales = array<f64: 1.0, 1.0, 1.0, 2.0>} : (tensor<1x1x1x2xf32>) -> tensor<1x1x1x4xf32>
  "func.return"(%0) : (tensor<1x1x1x4xf32>) -> ()
}) {function_type = (tensor<1x1x1x2xf32>) -> tensor<1x1x1x4xf32>, sym_name = "resize_linear"} : () -> ()

// -----

// align_corners: o * (in - 1) / (out - 1), 2 to 3: positions 0, 0.5, 1.
// CHECK-LABEL: "builtin.module"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0, 1], [0, 1], [1, 1]]> : tensor<3x2xi64>, sym_name = "[[IDX:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}1.000000e+00, 0.000000e+00], [5.000000e-01, 5.000000e-01], [1.000000e+00, 0.000000e+00]]> : tensor<3x2xf32>, sym_name = "[[W:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<0.000000e+00> : tensor<3xf32>, sym_name = "[[OFF:[^"]+]]"
// CHECK: "func.func"
// CHECK-DAG: %[[IDXM:.*]] = "memref.get_global"() {name = @[[IDX]]}
// CHECK-DAG: %[[WM:.*]] = "memref.get_global"() {name = @[[W]]}
// CHECK-DAG: %[[OFFM:.*]] = "memref.get_global"() {name = @[[OFF]]}
// CHECK-NOT: "memref.alloc"() {{.*}} : () -> memref<1x1x1x2xf32>
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-DAG: %[[UB:.*]] = "arith.constant"() {value = 3 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[O:.*]]: index):
// CHECK: %[[INIT:.*]] = "memref.load"(%[[OFFM]], %[[O]])
// CHECK-DAG: %[[TAPS:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[TAPS]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[T:.*]]: index, %{{.*}}: f32):
// CHECK: "memref.load"(%[[IDXM]], %[[O]], %[[T]])
// CHECK: "memref.load"(%[[WM]], %[[O]], %[[T]])
// CHECK: sym_name = "resize_linear_align_corners"
"func.func"() ({
^bb0(%x: tensor<1x1x1x2xf32>):
  %0 = "nn.resize"(%x) {mode = "linear", coordinate_transformation_mode = "align_corners", sizes = array<i64: 1, 1, 1, 3>, scales = array<f64: 1.0, 1.0, 1.0, 1.5>} : (tensor<1x1x1x2xf32>) -> tensor<1x1x1x3xf32>
  "func.return"(%0) : (tensor<1x1x1x3xf32>) -> ()
}) {function_type = (tensor<1x1x1x2xf32>) -> tensor<1x1x1x3xf32>, sym_name = "resize_linear_align_corners"} : () -> ()

// -----

// pytorch_half_pixel: an output of length 1 reads position 0 (half_pixel would read 1.5).
// CHECK-LABEL: "builtin.module"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0, 1]]> : tensor<1x2xi64>, sym_name = "[[IDX:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}1.000000e+00, 0.000000e+00]]> : tensor<1x2xf32>, sym_name = "[[W:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<0.000000e+00> : tensor<1xf32>, sym_name = "[[OFF:[^"]+]]"
// CHECK: "func.func"
// CHECK-DAG: %[[IDXM:.*]] = "memref.get_global"() {name = @[[IDX]]}
// CHECK-DAG: %[[WM:.*]] = "memref.get_global"() {name = @[[W]]}
// CHECK-DAG: %[[OFFM:.*]] = "memref.get_global"() {name = @[[OFF]]}
// CHECK-NOT: "memref.alloc"() {{.*}} : () -> memref<1x1x1x4xf32>
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-DAG: %[[UB:.*]] = "arith.constant"() {value = 1 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[O:.*]]: index):
// CHECK: %[[INIT:.*]] = "memref.load"(%[[OFFM]], %[[O]])
// CHECK-DAG: %[[TAPS:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[TAPS]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[T:.*]]: index, %{{.*}}: f32):
// CHECK: "memref.load"(%[[IDXM]], %[[O]], %[[T]])
// CHECK: "memref.load"(%[[WM]], %[[O]], %[[T]])
// CHECK: sym_name = "resize_linear_pytorch_half_pixel"
"func.func"() ({
^bb0(%x: tensor<1x1x1x4xf32>):
  %0 = "nn.resize"(%x) {mode = "linear", coordinate_transformation_mode = "pytorch_half_pixel", sizes = array<i64: 1, 1, 1, 1>, scales = array<f64: 1.0, 1.0, 1.0, 0.25>} : (tensor<1x1x1x4xf32>) -> tensor<1x1x1x1xf32>
  "func.return"(%0) : (tensor<1x1x1x1xf32>) -> ()
}) {function_type = (tensor<1x1x1x4xf32>) -> tensor<1x1x1x1xf32>, sym_name = "resize_linear_pytorch_half_pixel"} : () -> ()

// -----

// half_pixel_symmetric, 2 to 5 with scale 2.6: positions shifted by center * (1 - 5 / 5.2) from
// half_pixel's: -0.269, 0.115, 0.5, 0.885, 1.269.
// CHECK-LABEL: "builtin.module"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0, 0], [0, 1], [0, 1], [0, 1], [1, 1]]> : tensor<5x2xi64>, sym_name = "[[IDX:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0.269230783, 0.730769217], [0.884615361, 0.115384616], [5.000000e-01, 5.000000e-01], [0.115384616, 0.884615361], [0.730769217, 0.269230783]]> : tensor<5x2xf32>, sym_name = "[[W:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<0.000000e+00> : tensor<5xf32>, sym_name = "[[OFF:[^"]+]]"
// CHECK: "func.func"
// CHECK-DAG: %[[IDXM:.*]] = "memref.get_global"() {name = @[[IDX]]}
// CHECK-DAG: %[[WM:.*]] = "memref.get_global"() {name = @[[W]]}
// CHECK-DAG: %[[OFFM:.*]] = "memref.get_global"() {name = @[[OFF]]}
// CHECK-NOT: "memref.alloc"() {{.*}} : () -> memref<1x1x1x2xf32>
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-DAG: %[[UB:.*]] = "arith.constant"() {value = 5 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[O:.*]]: index):
// CHECK: %[[INIT:.*]] = "memref.load"(%[[OFFM]], %[[O]])
// CHECK-DAG: %[[TAPS:.*]] = "arith.constant"() {value = 2 : index}
// CHECK: "scf.for"(%{{.*}}, %[[TAPS]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[T:.*]]: index, %{{.*}}: f32):
// CHECK: "memref.load"(%[[IDXM]], %[[O]], %[[T]])
// CHECK: "memref.load"(%[[WM]], %[[O]], %[[T]])
// CHECK: sym_name = "resize_linear_half_pixel_symmetric"
"func.func"() ({
^bb0(%x: tensor<1x1x1x2xf32>):
  %0 = "nn.resize"(%x) {mode = "linear", coordinate_transformation_mode = "half_pixel_symmetric", sizes = array<i64: 1, 1, 1, 5>, scales = array<f64: 1.0, 1.0, 1.0, 2.6>} : (tensor<1x1x1x2xf32>) -> tensor<1x1x1x5xf32>
  "func.return"(%0) : (tensor<1x1x1x5xf32>) -> ()
}) {function_type = (tensor<1x1x1x2xf32>) -> tensor<1x1x1x5xf32>, sym_name = "resize_linear_half_pixel_symmetric"} : () -> ()

// -----

// mode = "cubic": four taps floor(pos) - 1 .. floor(pos) + 2 (clamped) with Keys' coefficients,
// a = -0.75 by default. 2 to 4: r = 0.75, 0.25, 0.75, 0.25.
// CHECK-LABEL: "builtin.module"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0, 0, 0, 1], [0, 0, 1, 1], [0, 0, 1, 1], [0, 1, 1, 1]]> : tensor<4x4xi64>, sym_name = "[[IDX:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}-0.03515625, 0.26171875, 0.87890625, -0.10546875], [-0.10546875, 0.87890625, 0.26171875, -0.03515625], [-0.03515625, 0.26171875, 0.87890625, -0.10546875], [-0.10546875, 0.87890625, 0.26171875, -0.03515625]]> : tensor<4x4xf32>, sym_name = "[[W:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<0.000000e+00> : tensor<4xf32>, sym_name = "[[OFF:[^"]+]]"
// CHECK: "func.func"
// CHECK-DAG: %[[IDXM:.*]] = "memref.get_global"() {name = @[[IDX]]}
// CHECK-DAG: %[[WM:.*]] = "memref.get_global"() {name = @[[W]]}
// CHECK-DAG: %[[OFFM:.*]] = "memref.get_global"() {name = @[[OFF]]}
// CHECK-NOT: "memref.alloc"() {{.*}} : () -> memref<1x1x1x2xf32>
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-DAG: %[[UB:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[O:.*]]: index):
// CHECK: %[[INIT:.*]] = "memref.load"(%[[OFFM]], %[[O]])
// CHECK-DAG: %[[TAPS:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[TAPS]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[T:.*]]: index, %{{.*}}: f32):
// CHECK: "memref.load"(%[[IDXM]], %[[O]], %[[T]])
// CHECK: "memref.load"(%[[WM]], %[[O]], %[[T]])
// CHECK: sym_name = "resize_cubic"
"func.func"() ({
^bb0(%x: tensor<1x1x1x2xf32>):
  %0 = "nn.resize"(%x) {mode = "cubic", sizes = array<i64: 1, 1, 1, 4>, scales = array<f64: 1.0, 1.0, 1.0, 2.0>} : (tensor<1x1x1x2xf32>) -> tensor<1x1x1x4xf32>
  "func.return"(%0) : (tensor<1x1x1x4xf32>) -> ()
}) {function_type = (tensor<1x1x1x2xf32>) -> tensor<1x1x1x4xf32>, sym_name = "resize_cubic"} : () -> ()

// -----

// cubic_coeff_a = -0.5 and exclude_outside = 1: taps outside the input get weight 0 and the rest
// are renormalized to sum to 1.
// CHECK-LABEL: "builtin.module"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0, 0, 0, 1], [0, 0, 1, 1], [0, 0, 1, 1], [0, 1, 1, 1]]> : tensor<4x4xi64>, sym_name = "[[IDX:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0.000000e+00, 0.000000e+00, 1.08823526, -0.0882352963], [0.000000e+00, 0.79285717, 0.20714286, 0.000000e+00], [0.000000e+00, 0.20714286, 0.79285717, 0.000000e+00], [-0.0882352963, 1.08823526, 0.000000e+00, 0.000000e+00]]> : tensor<4x4xf32>, sym_name = "[[W:[^"]+]]"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<0.000000e+00> : tensor<4xf32>, sym_name = "[[OFF:[^"]+]]"
// CHECK: "func.func"
// CHECK-DAG: %[[IDXM:.*]] = "memref.get_global"() {name = @[[IDX]]}
// CHECK-DAG: %[[WM:.*]] = "memref.get_global"() {name = @[[W]]}
// CHECK-DAG: %[[OFFM:.*]] = "memref.get_global"() {name = @[[OFF]]}
// CHECK-NOT: "memref.alloc"() {{.*}} : () -> memref<1x1x1x2xf32>
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK: "scf.for"
// CHECK-DAG: %[[UB:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[UB]], %{{.*}}) ({
// CHECK-NEXT: ^bb0(%[[O:.*]]: index):
// CHECK: %[[INIT:.*]] = "memref.load"(%[[OFFM]], %[[O]])
// CHECK-DAG: %[[TAPS:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[TAPS]], %{{.*}}, %[[INIT]]) ({
// CHECK-NEXT: ^bb0(%[[T:.*]]: index, %{{.*}}: f32):
// CHECK: "memref.load"(%[[IDXM]], %[[O]], %[[T]])
// CHECK: "memref.load"(%[[WM]], %[[O]], %[[T]])
// CHECK: sym_name = "resize_cubic_exclude_outside"
"func.func"() ({
^bb0(%x: tensor<1x1x1x2xf32>):
  %0 = "nn.resize"(%x) {mode = "cubic", cubic_coeff_a = -5.000000e-01 : f32, exclude_outside = 1 : i64, sizes = array<i64: 1, 1, 1, 4>, scales = array<f64: 1.0, 1.0, 1.0, 2.0>} : (tensor<1x1x1x2xf32>) -> tensor<1x1x1x4xf32>
  "func.return"(%0) : (tensor<1x1x1x4xf32>) -> ()
}) {function_type = (tensor<1x1x1x2xf32>) -> tensor<1x1x1x4xf32>, sym_name = "resize_cubic_exclude_outside"} : () -> ()

// Interpreting each module on random inputs before and after each pass gives the same results.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<1x1x1x2xf32>, memref<1x1x1x4xf32>) -> (), sym_name = "resize_linear"
// EQUIV: function_type = (memref<1x1x1x2xf32>, memref<1x1x1x3xf32>) -> (), sym_name = "resize_linear_align_corners"
// EQUIV: function_type = (memref<1x1x1x4xf32>, memref<1x1x1x1xf32>) -> (), sym_name = "resize_linear_pytorch_half_pixel"
// EQUIV: function_type = (memref<1x1x1x2xf32>, memref<1x1x1x5xf32>) -> (), sym_name = "resize_linear_half_pixel_symmetric"
// EQUIV: function_type = (memref<1x1x1x2xf32>, memref<1x1x1x4xf32>) -> (), sym_name = "resize_cubic"
// EQUIV: function_type = (memref<1x1x1x2xf32>, memref<1x1x1x4xf32>) -> (), sym_name = "resize_cubic_exclude_outside"
// EQUIV: function_type = (memref<1x1x1x4xf32>, memref<1x1x1x2xf32>) -> (), sym_name = "resize_linear_antialias"

// -----

// antialias = 1, linear, 4 to 2 (scale 0.5): the triangle filter stretched to twice its width,
// four taps around positions 0.5 and 2.5 at distances 1.5, 0.5, 0.5, 1.5 input pixels, each
// weighted 1 - distance / 2 and normalized (0.25, 0.75, 0.75, 0.25 over 2), the taps before and
// after the input clamped into it.
// CHECK-LABEL: "builtin.module"
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}0, 0, 1, 2], [1, 2, 3, 3]]> : tensor<2x4xi64>
// CHECK-DAG: "memref.global"() {{.*}}initial_value = dense<{{\[\[}}1.250000e-01, 3.750000e-01, 3.750000e-01, 1.250000e-01], [1.250000e-01, 3.750000e-01, 3.750000e-01, 1.250000e-01]]> : tensor<2x4xf32>
// CHECK: "func.func"
// CHECK-DAG: %[[TAPS:.*]] = "arith.constant"() {value = 4 : index}
// CHECK: "scf.for"(%{{.*}}, %[[TAPS]], %{{.*}}, %{{.*}}) ({
// CHECK: sym_name = "resize_linear_antialias"
"func.func"() ({
^bb0(%x: tensor<1x1x1x4xf32>):
  %0 = "nn.resize"(%x) {mode = "linear", antialias = 1 : i64, sizes = array<i64: 1, 1, 1, 2>, scales = array<f64: 1.0, 1.0, 1.0, 0.5>} : (tensor<1x1x1x4xf32>) -> tensor<1x1x1x2xf32>
  "func.return"(%0) : (tensor<1x1x1x2xf32>) -> ()
}) {function_type = (tensor<1x1x1x4xf32>) -> tensor<1x1x1x2xf32>, sym_name = "resize_linear_antialias"} : () -> ()
