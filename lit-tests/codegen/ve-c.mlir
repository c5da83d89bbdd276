// RUN: %sol-opt %s --pipeline=ve --mlir-print-debuginfo | %sol-translate --target=ve-c --threads 8 | FileCheck %s
// RUN: %sol-opt %s --pipeline=ve --mlir-print-debuginfo | %sol-translate --target=ve-c --threads 8 -o %t.c
// RUN: gcc -std=c99 -O2 -Wall -Werror -Wno-unknown-pragmas -c %t.c -o %t.o
// RUN: gcc -std=c99 -O2 -Wall -Werror -Wno-unknown-pragmas -fopenmp -c %t.c -o %t.omp.o

// The C of NEC's vector engine. Each kernel (named by its op's location, which needs
// --mlir-print-debuginfo to survive the pipe) is a static function on restrict pointers: the
// memory plan's views into the arena are apart. Its outer loop is an OpenMP loop over the 8
// cores. The element-wise kernels' rows (56 long) are collapsed with the loop around them into
// one loop of 3136 independent iterations (ivdep, loop_count); the pooling kernel reduces each
// output row's two input rows into a row buffer on the stack (vreg: kept in a vector register)
// and then pairs along it, both short loops (shortloop: one vector strip).

// CHECK: #include <math.h>
// CHECK: void set_weights(const void *weights)
// CHECK-LABEL: /* add1 */
// CHECK-NEXT: static void kernel_0_add1(float *restrict k0, float *restrict k1, float *restrict k2) {
// CHECK-NEXT: #pragma omp parallel for num_threads(8)
// CHECK-NEXT: for (int64_t [[C:i[0-9]+]] = 0LL; [[C]] < 64LL; [[C]] += 1LL) {
// CHECK-NEXT: #pragma _NEC ivdep
// CHECK-NEXT: #pragma _NEC vector
// CHECK-NEXT: #pragma _NEC loop_count(3136)
// CHECK-NEXT: for (int64_t [[Q:q[0-9]+]] = 0; [[Q]] < 3136LL; [[Q]] += 1) {  /* 2 loops collapsed */
// CHECK-NEXT: const float [[X:v[0-9]+]] = k0{{\[}}[[C]] * 3136 + [[Q]]];
// CHECK-NEXT: const float [[Y:v[0-9]+]] = k1{{\[}}[[C]] * 3136 + [[Q]]];
// CHECK-NEXT: const float [[S:v[0-9]+]] = [[X]] + [[Y]];
// CHECK-NEXT: k2{{\[}}[[C]] * 3136 + [[Q]]] = [[S]];
// CHECK-LABEL: /* relu1 */
// CHECK: const _Bool [[NEG:v[0-9]+]] = [[R:v[0-9]+]] < 0.0f;
// CHECK-NEXT: const float {{v[0-9]+}} = [[NEG]] ? 0.0f : [[R]];
// CHECK-LABEL: /* pool1 */
// CHECK-NEXT: static void kernel_2_pool1(float *restrict k0, float *restrict k1) {
// CHECK-NEXT: #pragma omp parallel for num_threads(8)
// CHECK-NEXT: for (int64_t
// CHECK-NEXT: float [[ROW:s[0-9]+]][56] __attribute__((aligned(64)));
// CHECK-NEXT: #pragma _NEC vreg([[ROW]])
// CHECK-NEXT: for (int64_t {{i[0-9]+}} = 0LL; {{i[0-9]+}} < 28LL;
// CHECK: #pragma _NEC ivdep
// CHECK-NEXT: #pragma _NEC vector
// CHECK-NEXT: #pragma _NEC shortloop
// CHECK-NEXT: for (int64_t {{i[0-9]+}} = 0LL; {{i[0-9]+}} < 56LL;
// CHECK: [[ROW]][{{i[0-9]+}}] = {{v[0-9]+}};
// CHECK: #pragma _NEC ivdep
// CHECK-NEXT: #pragma _NEC vector
// CHECK-NEXT: #pragma _NEC shortloop
// CHECK-NEXT: for (int64_t {{i[0-9]+}} = 0LL; {{i[0-9]+}} < 28LL;
// A transpose reads across rows, so its 14-long rows cannot collapse: the loop around them is
// unrolled into the vector loop (outerloop_unroll), so that 8 rows share each vector instruction.
// CHECK-LABEL: /* tr1 */
// CHECK-NEXT: static void kernel_3_tr1(float *restrict k0, float *restrict k1) {
// CHECK: #pragma _NEC outerloop_unroll(8)
// CHECK-NEXT: for (int64_t [[R:i[0-9]+]] = 0LL; [[R]] < 14LL; [[R]] += 1LL) {
// CHECK-NEXT: #pragma _NEC ivdep
// CHECK-NEXT: #pragma _NEC vector
// CHECK-NEXT: #pragma _NEC shortloop
// CHECK-NEXT: for (int64_t [[COL:i[0-9]+]] = 0LL; [[COL]] < 14LL; [[COL]] += 1LL) {
// CHECK-NEXT: const float [[V:v[0-9]+]] = k0{{\[}}{{.*}}[[COL]] * 14 + [[R]]];
// CHECK-NEXT: k1{{\[}}{{.*}}[[R]] * 14 + [[COL]]] = [[V]];
// CHECK-LABEL: void sol_main(float *restrict a0, float *restrict a1, float *restrict a2, float *restrict a3, float *restrict a4, int8_t *restrict a5) {
// CHECK-NEXT: float *const [[T0:p[0-9]+]] = (float *) ((char *) a5 + 0LL);
// CHECK-NEXT: kernel_0_add1(a0, a1, [[T0]]);  /* add1 */
// CHECK-NEXT: float *const [[T1:p[0-9]+]] = (float *) ((char *) a5 + 802816LL);
// CHECK-NEXT: kernel_1_relu1([[T0]], [[T1]]);  /* relu1 */
// CHECK-NEXT: kernel_2_pool1([[T1]], a3);  /* pool1 */
// CHECK-NEXT: kernel_3_tr1(a2, a4{{.*}}
// CHECK-NEXT: return;
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x64x56x56xf32>, %y: tensor<1x64x56x56xf32>, %z: tensor<1x64x14x14xf32>):
    %s = "nn.add"(%x, %y) : (tensor<1x64x56x56xf32>, tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32> loc("add1")
    %r = "nn.relu"(%s) : (tensor<1x64x56x56xf32>) -> tensor<1x64x56x56xf32> loc("relu1")
    %p = "nn.max_pool"(%r) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x64x56x56xf32>) -> tensor<1x64x28x28xf32> loc("pool1")
    %t = "nn.transpose"(%z) {perm = array<i64: 0, 1, 3, 2>} : (tensor<1x64x14x14xf32>) -> tensor<1x64x14x14xf32> loc("tr1")
    "func.return"(%p, %t) : (tensor<1x64x28x28xf32>, tensor<1x64x14x14xf32>) -> ()
  }) {function_type = (tensor<1x64x56x56xf32>, tensor<1x64x56x56xf32>, tensor<1x64x14x14xf32>) -> (tensor<1x64x28x28xf32>, tensor<1x64x14x14xf32>), sym_name = "main"} : () -> ()
}) : () -> ()
