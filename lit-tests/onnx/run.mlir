// sol-run's conformance mode prints one line per case and a summary; exit 0 only when none failed.
// RUN: %sol-run --backend=interp --onnx-test %S/../../testdata/onnx-node/test_relu %S/../../testdata/onnx-node/test_gemm_default_no_bias | FileCheck %s
// CHECK: PASS test_relu
// CHECK-NEXT: PASS test_gemm_default_no_bias
// CHECK-NEXT: 2 passed, 0 failed
// RUN: not %sol-run --onnx-test %S/../../testdata/onnx-node/test_relu %S/../../testdata/onnx-node/test_maxpool_with_argmax_2d_precomputed_pads | FileCheck %s --check-prefix=FAIL
// FAIL: PASS test_relu
// FAIL-NEXT: FAIL test_maxpool_with_argmax_2d_precomputed_pads: node 'y' (MaxPool): the Indices output is not supported
// FAIL-NEXT: 1 passed, 1 failed
// A wrong expectation is reported with the first differing element:
// RUN: rm -rf %t && cp -r %S/../../testdata/onnx-node/test_relu %t && cp %S/../../testdata/onnx-node/test_abs/test_data_set_0/output_0.pb %t/test_data_set_0/output_0.pb
// RUN: not %sol-run --onnx-test %t | FileCheck %s --check-prefix=DIFF
// DIFF: FAIL {{.*}}: output #0: element {{[0-9]+}} is {{.*}}, expected {{.*}}

// Running one model with input files, writing the outputs as TensorProto files:
// RUN: rm -rf %t.out && %sol-run %S/../../testdata/onnx-node/test_add/model.onnx --input x=%S/../../testdata/onnx-node/test_add/test_data_set_0/input_0.pb --input y=%S/../../testdata/onnx-node/test_add/test_data_set_0/input_1.pb --output-dir %t.out | FileCheck %s --check-prefix=MODEL
// MODEL: output #0 output_0: tensor<3x4x5xf32> [1.09159195{{[0-9]*}}, 0.0406040{{[0-9]*}},
// RUN: ls %t.out | FileCheck %s --check-prefix=FILES
// FILES: output_0.pb
// RUN: not %sol-run %S/../../testdata/onnx-node/test_add/model.onnx 2>&1 | FileCheck %s --check-prefix=NOINPUT
// NOINPUT: sol-run: error: no value for input #0 'x'; give --input

// .mlir models run too, through the loop-level interpreter (memrefs, scf, arith, math):
// relu(W1 x) . w2 with x = [1, 2, 3] is [0, 1.5] . [2, -3] = -4.5.
// RUN: %sol-run %S/../../examples/mlp.mlir --input %S/../../examples/mlp_input.pb | FileCheck %s --check-prefix=MLP
// MLP: output #0 output_0: tensor<f32> [-4.5]
