// RUN: %sol-translate %s | FileCheck %s --check-prefix=IR
// RUN: %sol-translate --target=asm --triple=aarch64-unknown-linux-gnu %s | FileCheck %s --check-prefix=A64
// RUN: %sol-translate --target=asm --triple=x86_64-unknown-linux-gnu --cpu=haswell %s | FileCheck %s --check-prefix=X86
// RUN: not %sol-translate --target=asm --triple=aarch64-unknown-linux-gnu --cpu=pentium4 %s 2>&1 | FileCheck %s --check-prefix=BADCPU
// RUN: not %sol-translate --target=asm --features=avx2 %s 2>&1 | FileCheck %s --check-prefix=BADFEAT
// RUN: not %sol-translate --target=asm --triple=riscv64-unknown-linux-gnu %s 2>&1 | FileCheck %s --check-prefix=BADTRIPLE
// RUN: not %sol-translate --target=wasm %s 2>&1 | FileCheck %s --check-prefix=BADTARGET

// IR: @w1 = internal constant [24 x i8]
// IR-SAME: align 64
// IR: define float @mlp(ptr noalias %0)
// IR: phi i64 [ 0, %entry ]
// IR: ret float %iter
// IR: getelementptr inbounds float, ptr @w1
// IR: fmul float
// IR: call float @llvm.maximum.f32
// IR: call float @llvm.fma.f32

// The loops are fully unrolled and the weights folded in: only the three input loads remain.
// A64: mlp:
// A64: ldp s{{[0-9]+}}, s{{[0-9]+}}, [x0]
// A64: fmadd
// A64: ret

// X86: mlp:
// X86: vfmadd
// X86: retq

// BADCPU: error: unknown CPU 'pentium4' for aarch64-unknown-linux-gnu; known: generic,
// BADFEAT: error: invalid features 'avx2': expected a comma-separated list like +avx2,-fma
// BADTRIPLE: error: unsupported target triple 'riscv64-unknown-linux-gnu' (supported: x86_64-*, aarch64-*)
// BADTARGET: sol-translate: error: unknown --target 'wasm' (expected llvm-ir, asm, obj, c-harness or ve-c)

"builtin.module"() ({
  "memref.global"() {constant, initial_value = dense<[[0.5, -1.0, 0.25], [1.5, 0.75, -0.5]]> : tensor<2x3xf32>, sym_name = "w1", sym_visibility = "private", type = memref<2x3xf32>} : () -> ()
  "memref.global"() {constant, initial_value = dense<[2.0, -3.0]> : tensor<2xf32>, sym_name = "w2", sym_visibility = "private", type = memref<2xf32>} : () -> ()
  "func.func"() ({
  ^bb0(%x: memref<3xf32>):
    %c0 = "arith.constant"() {value = 0 : index} : () -> index
    %c1 = "arith.constant"() {value = 1 : index} : () -> index
    %c2 = "arith.constant"() {value = 2 : index} : () -> index
    %c3 = "arith.constant"() {value = 3 : index} : () -> index
    %zero = "arith.constant"() {value = 0.0 : f32} : () -> f32
    %w1 = "memref.get_global"() {name = @w1} : () -> memref<2x3xf32>
    %w2 = "memref.get_global"() {name = @w2} : () -> memref<2xf32>
    %y = "scf.for"(%c0, %c2, %c1, %zero) ({
    ^bb0(%i: index, %acc: f32):
      %h = "scf.for"(%c0, %c3, %c1, %zero) ({
      ^bb0(%j: index, %s: f32):
        %w = "memref.load"(%w1, %i, %j) : (memref<2x3xf32>, index, index) -> f32
        %xi = "memref.load"(%x, %j) : (memref<3xf32>, index) -> f32
        %p = "arith.mulf"(%w, %xi) : (f32, f32) -> f32
        %s2 = "arith.addf"(%s, %p) : (f32, f32) -> f32
        "scf.yield"(%s2) : (f32) -> ()
      }) : (index, index, index, f32) -> f32
      %r = "arith.maxf"(%h, %zero) : (f32, f32) -> f32
      %v = "memref.load"(%w2, %i) : (memref<2xf32>, index) -> f32
      %t = "math.fma"(%r, %v, %acc) : (f32, f32, f32) -> f32
      "scf.yield"(%t) : (f32) -> ()
    }) : (index, index, index, f32) -> f32
    "func.return"(%y) : (f32) -> ()
  }) {function_type = (memref<3xf32>) -> f32, sym_name = "mlp"} : () -> ()
}) : () -> ()
