// RUN: %sol-import --mlir-print-debuginfo %S/Inputs/ve_conv_relu/model.onnx | %sol-opt --pipeline=ve --mlir-print-debuginfo | %sol-translate --target=ve-c --threads 8 -o %t.c
// RUN: FileCheck %s < %t.c
// RUN: gcc -std=c99 -O2 -Wall -Werror -Wno-unknown-pragmas -fopenmp -c %t.c -o %t.o
// The C, run by the host's gcc, gives ONNX Runtime's results (random input and weights):
// RUN: %sol-run --backend=ve-c --threads 2 --onnx-test %S/Inputs/ve_conv_relu | FileCheck %s --check-prefix=RAN
// RAN: PASS ve_conv_relu

// On the vector engine a convolution with 28-long output rows sweeps the whole output plane:
// the input is copied into a zero-padded plane of 31 rows of 30 (one loop of 930), every tap of every input
// channel is one unit-stride loop of 28 x 30 = 840 independent iterations (ivdep, loop_count;
// 3.3 vectors of 256 instead of one of 28 a row), and the valid columns are copied out through
// the fused ReLU, the convolution's output channels spread over the 8 cores.

// CHECK-LABEL: /* conv1+relu1 */
// CHECK: #pragma _NEC ivdep
// CHECK-NEXT: #pragma _NEC vector
// CHECK-NEXT: #pragma _NEC loop_count(930)
// CHECK-NEXT: for (int64_t [[P:i[0-9]+]] = 0LL; [[P]] < 930LL;
// CHECK: k1{{\[}}{{.*}}930 + [[P]]] =
// CHECK-LABEL: /* conv1+relu1 */
// CHECK-NEXT: static void
// CHECK-NEXT: #pragma omp parallel for num_threads(8)
// CHECK-NEXT: for (int64_t [[OC:i[0-9]+]] = 0LL; [[OC]] < 8LL;
// CHECK: #pragma _NEC ivdep
// CHECK-NEXT: #pragma _NEC vector
// CHECK-NEXT: #pragma _NEC loop_count(840)
// CHECK-NEXT: for (int64_t [[Q:i[0-9]+]] = 0LL; [[Q]] < 840LL; [[Q]] += 1LL) {
// CHECK: #pragma _NEC ivdep
// CHECK-NEXT: #pragma _NEC vector
// CHECK-NEXT: #pragma _NEC loop_count(840)
// CHECK-NEXT: for (int64_t [[T:i[0-9]+]] = 0LL; [[T]] < 840LL; [[T]] += 1LL) {
// CHECK-NEXT: const int64_t [[AT:v[0-9]+]] = [[T]] + {{v[0-9]+}};
// CHECK-NEXT: const float {{v[0-9]+}} = k1{{\[}}{{v[0-9]+}} * 930 + [[AT]]];
// CHECK: const _Bool [[NEG:v[0-9]+]] = {{v[0-9]+}} < 0.0f;
// CHECK-NEXT: const float {{v[0-9]+}} = [[NEG]] ? 0.0f : {{v[0-9]+}};
// CHECK-LABEL: void sol_main(
