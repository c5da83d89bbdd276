// sol-run --profile: one row per kernel (each nn op or nn.fused group after the nn passes, here 12), slowest first, then the
// sum over all kernels, which is the compiled function's whole time, then one row per op; the first of
// several runs is a warm-up.
// RUN: %sol-run --backend=jit --profile --repeat 3 %S/../../testdata/generated/net_resnet/model.onnx --input %S/../../testdata/generated/net_resnet/test_data_set_0/input_0.pb | FileCheck %s
// CHECK: profile: 2 runs after a warm-up run, {{[0-9.]+}} ms per run in the compiled code; FMA peak {{[0-9.]+}} GFLOP/s (one core, f32)
// CHECK-NEXT: {{^kernel +op +calls +total ms +ms/run +% run +GFLOP/s +of peak$}}
// CHECK-COUNT-12: {{^[a-z0-9+#_]+ +nn\.[a-z_]+ +2 +[0-9]+\.[0-9]{3} +[0-9]+\.[0-9]{3} +[0-9]+\.[0-9] +([0-9]+\.[0-9]|-) +([0-9]+\.[0-9]{2}|-)$}}
// CHECK-NEXT: {{^all kernels +2 +[0-9.]+ +[0-9.]+ +100.0 +[0-9.]+ +[0-9.]+$}}
// Then the kernels of each op together (5 ops: fused, conv, reshape, gemm, softmax; the global average pool is in the last block's group):
// CHECK-EMPTY:
// CHECK-NEXT: {{^op +kernels +total ms +ms/run +% run +GFLOP/s +of peak$}}
// CHECK-COUNT-5: {{^nn\.[a-z_]+ +[0-9]+ +[0-9]+\.[0-9]{3} +[0-9]+\.[0-9]{3} +[0-9]+\.[0-9] +([0-9]+\.[0-9]|-) +([0-9]+\.[0-9]{2}|-)$}}
// CHECK-NEXT: output #0 softmax80: tensor<1x10xf32>
// The convolutions (batch norms folded in, ReLU and residual adds fused after them, the stem's
// max pool too: nn.fused) are named after all their nodes.
// RUN: %sol-run --backend=jit --profile %S/../../testdata/generated/net_resnet/model.onnx --input %S/../../testdata/generated/net_resnet/test_data_set_0/input_0.pb | FileCheck %s --check-prefix=ONE
// ONE: profile: 1 run, {{[0-9.]+}} ms per run
// ONE-DAG: {{^conv2\+batchnormalization7\+relu8\+maxpool9 +nn.fused +1 }}
// ONE-DAG: {{^conv19\+batchnormalization24\+add25\+relu26 +nn.fused +1 }}
// ONE-DAG: {{^flatten76 +nn.reshape +1 +[0-9.]+ +[0-9.]+ +[0-9.]+ +- +-$}}
// ONE-DAG: {{^nn.fused +7 }}
// ONE-DAG: {{^nn.conv +2 }}

// RUN: not %sol-run --profile %S/../../testdata/generated/net_resnet/model.onnx 2>&1 | FileCheck %s --check-prefix=INTERP
// INTERP: sol-run: error: --profile times compiled code; use it with --backend=jit
// RUN: not %sol-run --backend=jit --profile --onnx-test %S/../../testdata/generated/net_resnet 2>&1 | FileCheck %s --check-prefix=CASES
// CASES: sol-run: error: --profile applies only when running a MODEL; remove it
