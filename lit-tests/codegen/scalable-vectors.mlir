// 1-D scalable vectors become LLVM's <vscale x N x T>, and SVE code on AArch64; targets
// without SVE and multi-dimensional scalable vectors are refused with the type named
// (LLVM's own code generators would end the process).
// RUN: %sol-translate %s | FileCheck %s --check-prefix=IR
// RUN: %sol-translate --target=asm --triple=aarch64-unknown-linux-gnu --features=+sve %s | FileCheck %s --check-prefix=SVE
// RUN: %sol-translate --target=asm --triple=aarch64-unknown-linux-gnu --cpu=neoverse-v1 %s | FileCheck %s --check-prefix=SVE
// RUN: not %sol-translate --target=asm --triple=aarch64-unknown-linux-gnu %s 2>&1 | FileCheck %s --check-prefix=NOSVE
// RUN: not %sol-translate --target=obj -o %t.o --triple=x86_64-unknown-linux-gnu %s 2>&1 | FileCheck %s --check-prefix=X86
// RUN: not %sol-translate %S/Inputs/scalable-2d.mlir 2>&1 | FileCheck %s --check-prefix=TWOD

// IR: define void @sve(ptr noalias %0, ptr noalias %1, i64 %2)
// IR: load <vscale x 4 x float>, ptr %{{[0-9a-z]+}}, align 4
// IR: fmul <vscale x 4 x float> %{{[0-9]+}}, splat (float 2.000000e+00)
// IR: shufflevector <vscale x 2 x i64> %{{[0-9]+}}, <vscale x 2 x i64> undef, <vscale x 2 x i32> zeroinitializer
// IR: store <vscale x 4 x float>
// IR: call float @llvm.vector.reduce.fadd.nxv4f32(float -0.000000e+00, <vscale x 4 x float>

// SVE: sve:
// SVE: ld1w { z{{[0-9]+}}.s }, p{{[0-9]+}}/z, [x0]
// SVE: fadda
// SVE: st1w { z{{[0-9]+}}.s }
// SVE: ret

// NOSVE: error: scalable vector type <vscale x 4 x float> needs a target with SVE (aarch64 with --features=+sve or an SVE CPU), not aarch64-unknown-linux-gnu (cpu generic)
// X86: error: scalable vector type <vscale x 4 x float> needs a target with SVE
// TWOD: error: scalable vector type vector<2x[4]xf32> is not supported by code generation: LLVM's scalable vectors have one dimension

"builtin.module"() ({
  "func.func"() ({
  ^bb0(%m: memref<64xf32>, %out: memref<1xf32>, %k: index):
    %c0 = "arith.constant"() {value = 0 : index} : () -> index
    %two = "arith.constant"() {value = dense<2.0> : vector<[4]xf32>} : () -> vector<[4]xf32>
    %x = "vector.load"(%m, %c0) : (memref<64xf32>, index) -> vector<[4]xf32>
    %y = "arith.mulf"(%x, %two) : (vector<[4]xf32>, vector<[4]xf32>) -> vector<[4]xf32>
    %ks = "vector.splat"(%k) : (index) -> vector<[2]xindex>
    %k1 = "vector.extractelement"(%ks, %c0) : (vector<[2]xindex>, index) -> index
    "vector.store"(%y, %m, %k1) : (vector<[4]xf32>, memref<64xf32>, index) -> ()
    %r = "vector.reduction"(%y) {kind = #vector.kind<add>} : (vector<[4]xf32>) -> f32
    "memref.store"(%r, %out, %c0) : (f32, memref<1xf32>, index) -> ()
    "func.return"() : () -> ()
  }) {function_type = (memref<64xf32>, memref<1xf32>, index) -> (), sym_name = "sve"} : () -> ()
}) : () -> ()
