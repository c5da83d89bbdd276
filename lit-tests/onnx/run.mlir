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
