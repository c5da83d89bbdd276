// sol-run's conformance mode prints one line per case and a summary; exit 0 only when none failed.
// RUN: %sol-run --backend=interp --onnx-test %S/../../testdata/onnx-node/test_relu %S/../../testdata/onnx-node/test_gemm_default_no_bias | FileCheck %s
// CHECK: PASS test_relu
// CHECK-NEXT: PASS test_gemm_default_no_bias
// CHECK-NEXT: 2 passed, 0 failed
// A case whose model SOL refuses (an AveragePool with a second output) fails with the import's message:
// RUN: rm -rf %t.refused && cp -r %S/../../testdata/onnx-node/test_relu %t.refused && cp %S/Inputs/bad/averagepool_two_outputs.onnx %t.refused/model.onnx
// RUN: not %sol-run --onnx-test %S/../../testdata/onnx-node/test_relu %t.refused | FileCheck %s --check-prefix=FAIL
// FAIL: PASS test_relu
// FAIL-NEXT: FAIL {{.*}}refused: node 'pool' (AveragePool): has a second output; only MaxPool has one (Indices)
// FAIL-NEXT: 1 passed, 1 failed
// A wrong expectation is reported with the first differing element:
// RUN: rm -rf %t && cp -r %S/../../testdata/onnx-node/test_relu %t && cp %S/../../testdata/onnx-node/test_abs/test_data_set_0/output_0.pb %t/test_data_set_0/output_0.pb
// RUN: not %sol-run --onnx-test %t | FileCheck %s --check-prefix=DIFF
// DIFF: FAIL {{.*}}: output #0: element {{[0-9]+}} is {{.*}}, expected {{.*}}

// Running one model with input files, writing the outputs as TensorProto files:
// RUN: rm -rf %t.out && %sol-run %S/../../testdata/onnx-node/test_add/model.onnx --input x=%S/../../testdata/onnx-node/test_add/test_data_set_0/input_0.pb --input y=%S/../../testdata/onnx-node/test_add/test_data_set_0/input_1.pb --output-dir %t.out | FileCheck %s --check-prefix=MODEL
// MODEL: output #0 sum: tensor<3x4x5xf32> [1.09159195{{[0-9]*}}, 0.0406040{{[0-9]*}},
// RUN: ls %t.out | FileCheck %s --check-prefix=FILES
// FILES: output_0.pb
// RUN: %sol-run --backend=jit %S/../../testdata/onnx-node/test_add/model.onnx --input %S/../../testdata/onnx-node/test_add/test_data_set_0/input_0.pb --input %S/../../testdata/onnx-node/test_add/test_data_set_0/input_1.pb | FileCheck %s --check-prefix=MODEL
// The C emitted for NEC's vector engine, compiled by gcc, gives the same (one thread, and OpenMP on two):
// RUN: %sol-run --backend=ve-c --threads 1 %S/../../testdata/onnx-node/test_add/model.onnx --input %S/../../testdata/onnx-node/test_add/test_data_set_0/input_0.pb --input %S/../../testdata/onnx-node/test_add/test_data_set_0/input_1.pb | FileCheck %s --check-prefix=MODEL
// RUN: %sol-run --backend=ve-c --threads 2 --onnx-test %S/../../testdata/onnx-node/test_relu %S/../../testdata/generated/net_resnet | FileCheck %s --check-prefix=VEC
// VEC: PASS test_relu
// VEC-NEXT: PASS net_resnet
// VEC-NEXT: 2 passed, 0 failed
// RUN: not %sol-run --backend=ve %S/../../testdata/onnx-node/test_add/model.onnx 2>&1 | FileCheck %s --check-prefix=BACKEND
// BACKEND: sol-run: error: unknown backend 've' (expected interp, jit or ve-c)
// RUN: not %sol-run %S/../../testdata/onnx-node/test_add/model.onnx 2>&1 | FileCheck %s --check-prefix=NOINPUT
// NOINPUT: sol-run: error: no value for input #0 'x'; give --input

// An input that the model needs as a value when compiling (here Reshape's shape) is given with --constant, never with --input:
// RUN: not %sol-run %S/../../testdata/onnx-node/test_reshape_reduced_dims/model.onnx --input %S/../../testdata/onnx-node/test_reshape_reduced_dims/test_data_set_0/input_0.pb --input %S/../../testdata/onnx-node/test_reshape_reduced_dims/test_data_set_0/input_1.pb 2>&1 | FileCheck %s --check-prefix=NEEDCONST
// NEEDCONST: sol-run: error: {{.*}}model.onnx: node 'reshaped' (Reshape): the shape (input #1) comes from graph input 'shape', whose value must be known when compiling; give it with --constant shape=FILE.pb instead of --input
// RUN: %sol-run --backend=jit %S/../../testdata/onnx-node/test_reshape_reduced_dims/model.onnx --input data=%S/../../testdata/onnx-node/test_reshape_reduced_dims/test_data_set_0/input_0.pb --constant shape=%S/../../testdata/onnx-node/test_reshape_reduced_dims/test_data_set_0/input_1.pb | FileCheck %s --check-prefix=CONST
// CONST: output #0 reshaped: tensor<2x12xf32> [0.54881352{{[0-9]*}}, 0.7151893{{[0-9]*}},
// RUN: not %sol-run %S/../../testdata/onnx-node/test_add/model.onnx --input x=%S/../../testdata/onnx-node/test_add/test_data_set_0/input_0.pb --input y=%S/../../testdata/onnx-node/test_reshape_reduced_dims/test_data_set_0/input_1.pb 2>&1 | FileCheck %s --check-prefix=BADTYPE
// BADTYPE: sol-run: error: input 'y' has element type INT64, but the model expects FLOAT (tensor<3x4x5xf32>)

// .mlir models run too, through the loop-level interpreter (memrefs, scf, arith, math):
// relu(W1 x) . w2 with x = [1, 2, 3] is [0, 1.5] . [2, -3] = -4.5.
// RUN: %sol-run %S/../../examples/mlp.mlir --input %S/../../examples/mlp_input.pb | FileCheck %s --check-prefix=MLP
// MLP: output #0 output_0: tensor<f32> [-4.5]

// The generated VGG's 3x3 convolutions go by Winograd's F(2x2,3x3) by default; --no-winograd
// keeps them direct and --winograd-f4 lets F(4x4,3x3) in where it fits: all three match ONNX
// Runtime's outputs.
// RUN: %sol-run --backend=jit --no-cache --no-winograd --onnx-test %S/../../testdata/generated/net_vgg | FileCheck %s --check-prefix=WINO
// RUN: %sol-run --backend=jit --no-cache --winograd-f4 --onnx-test %S/../../testdata/generated/net_vgg | FileCheck %s --check-prefix=WINO
// WINO: PASS {{.*}}net_vgg
// WINO-NEXT: 1 passed, 0 failed
