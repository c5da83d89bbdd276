// memref.prefetch becomes LLVM's llvm.prefetch (read 0 / write 1, locality, data cache 1) on
// the element's address, a prefetch instruction on x86 (prefetcht0 to read into every cache
// level, prefetchw to write), and __builtin_prefetch in the C for NEC's ncc.
// RUN: %sol-translate %s | FileCheck %s --check-prefix=IR
// RUN: %sol-translate --target=asm --triple=x86_64-unknown-linux-gnu %s | FileCheck %s --check-prefix=X86
// RUN: %sol-translate --target=ve-c %s | FileCheck %s --check-prefix=C

// IR-LABEL: define void @prefetch(
// IR: %[[P:[a-z0-9]+]] = getelementptr inbounds float, ptr %0, i64 %1
// IR-NEXT: call void @llvm.prefetch.p0(ptr %[[P]], i32 0, i32 3, i32 1)
// IR: call void @llvm.prefetch.p0(ptr %{{[a-z0-9]+}}, i32 1, i32 0, i32 1)
// X86-LABEL: prefetch:
// X86: prefetcht0 (%rdi,%rsi,4)
// X86: prefetchw (%rdi,%rsi,4)
// C: __builtin_prefetch(&{{.*}}, 0, 3);
// C: __builtin_prefetch(&{{.*}}, 1, 0);
"func.func"() ({
^bb0(%m: memref<64xf32>, %i: index):
  "memref.prefetch"(%m, %i) {isDataCache = true, isWrite = false, localityHint = 3 : i32} : (memref<64xf32>, index) -> ()
  "memref.prefetch"(%m, %i) {isDataCache = true, isWrite = true, localityHint = 0 : i32} : (memref<64xf32>, index) -> ()
  "func.return"() : () -> ()
}) {function_type = (memref<64xf32>, index) -> (), sym_name = "prefetch"} : () -> ()
