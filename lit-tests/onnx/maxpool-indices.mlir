// MaxPool's Indices output: a 2x2 window at stride 2 on a 5x5 image, column-major storage order
// (ONNX's test_maxpool_with_argmax_2d_precomputed_strides' layout). The importer gathers each
// window's taps (row-major flat positions), takes the first index of the maximum, and maps
// (window, tap) to the column-major position of that tap (h + w * 5).
// RUN: %sol-import %S/../../testdata/generated/op_max_pool_indices_strides_column_major/model.onnx | FileCheck %s
// CHECK: %[[POOL:.*]] = "nn.max_pool"(%arg0)
// CHECK: %[[FLAT:.*]] = "nn.reshape"(%arg0) {shape = array<i64: 1, 1, 25>}
// CHECK: "nn.constant"() {value = dense<{{\[}}[0, 1, 5, 6], [2, 3, 7, 8], [10, 11, 15, 16], [12, 13, 17, 18]]> : tensor<4x4xi64>}
// CHECK: %[[TAPS:.*]] = "nn.gather"(%[[FLAT]], %{{.*}}) {axis = 2 : i64} : (tensor<1x1x25xf32>, tensor<4x4xi64>) -> tensor<1x1x4x4xf32>
// CHECK: "nn.argmax"(%[[TAPS]]) {axis = 3 : i64, keepdims = 0 : i64, select_last_index = 0 : i64}
// CHECK: "nn.constant"() {value = dense<[0, 5, 1, 6, 10, 15, 11, 16, 2, 7, 3, 8, 12, 17, 13, 18]> : tensor<16xi64>}
// CHECK: %[[IDX:.*]] = "nn.reshape"(%{{.*}}) {shape = array<i64: 1, 1, 2, 2>} : (tensor<1x1x4xi64>) -> tensor<1x1x2x2xi64>
// CHECK: "func.return"(%[[POOL]], %[[IDX]])
//
// The maxima 0.783 (h 1, w 1), 1.162 (1, 3), 1.776 (2, 0), 0.660 (2, 3) lie at 1 + 5, 1 + 15, 2 + 0, 2 + 15.
// RUN: %sol-run %S/../../testdata/generated/op_max_pool_indices_strides_column_major/model.onnx --input %S/../../testdata/generated/op_max_pool_indices_strides_column_major/test_data_set_0/input_0.pb | FileCheck %s --check-prefix=OUT
// RUN: %sol-run --backend=jit %S/../../testdata/generated/op_max_pool_indices_strides_column_major/model.onnx --input %S/../../testdata/generated/op_max_pool_indices_strides_column_major/test_data_set_0/input_0.pb | FileCheck %s --check-prefix=OUT
// OUT: output #1 indices: tensor<1x1x2x2xi64> [6, 16, 2, 17]
