// RUN: %sol-opt %s --split-input-file -p 'nn-fuse,convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2},canonicalize,cse' | FileCheck %s
// RUN: %sol-opt %s --split-input-file --check-equivalence -p 'nn-fuse,convert-nn-to-loops{vector-width=16 vector-registers=32 threads=2},bufferize' 2>&1 | FileCheck %s --check-prefix=EQUIV

// A batch of 0 (sol-run --shape input=0,...): results with no elements have nothing to compute,
// so their ops lower to their empty buffers and no loops (NnLowering.noElements). The kernels'
// tilings assume at least one row: the matrix product of 0 rows below divided by zero while
// lowering (sol-bench --shape input=0,512 on the MLP head: "pass 'convert-nn-to-loops'
// crashed: java.lang.ArithmeticException: / by zero").
// CHECK-LABEL: "func.func"
// CHECK-NOT: "scf.for"
// CHECK-NOT: "scf.parallel"
// CHECK: "memref.alloc"() {{.*}} -> memref<0x64x56x56xf32>
// CHECK-NOT: "scf.for"
// CHECK-NOT: "scf.parallel"
// CHECK: sym_name = "conv_relu_no_images"
// EQUIV-NOT: error
// EQUIV: sym_name = "conv_relu_no_images"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<0x64x56x56xf32>, %b: tensor<64xf32>):
    %w = "nn.constant"() {value = dense<0.25> : tensor<64x64x1x1xf32>} : () -> tensor<64x64x1x1xf32>
    %c = "nn.conv"(%x, %w, %b) : (tensor<0x64x56x56xf32>, tensor<64x64x1x1xf32>, tensor<64xf32>) -> tensor<0x64x56x56xf32>
    %r = "nn.relu"(%c) : (tensor<0x64x56x56xf32>) -> tensor<0x64x56x56xf32>
    "func.return"(%r) : (tensor<0x64x56x56xf32>) -> ()
  }) {function_type = (tensor<0x64x56x56xf32>, tensor<64xf32>) -> tensor<0x64x56x56xf32>, sym_name = "conv_relu_no_images"} : () -> ()
}) : () -> ()

// -----

// CHECK-LABEL: // -----
// CHECK-NOT: "scf.for"
// CHECK-NOT: "scf.parallel"
// CHECK: sym_name = "gemm_no_rows"
// EQUIV-NOT: error
// EQUIV: sym_name = "gemm_no_rows"
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<0x512xf32>, %w: tensor<512x256xf32>):
    %r = "nn.matmul"(%x, %w) : (tensor<0x512xf32>, tensor<512x256xf32>) -> tensor<0x256xf32>
    "func.return"(%r) : (tensor<0x256xf32>) -> ()
  }) {function_type = (tensor<0x512xf32>, tensor<512x256xf32>) -> tensor<0x256xf32>, sym_name = "gemm_no_rows"} : () -> ()
}) : () -> ()
