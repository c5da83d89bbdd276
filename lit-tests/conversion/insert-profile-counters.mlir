// insert-profile-counters times each kernel that profile-kernels named: the top-level ops go
// to the kernel their location names (an alloc to the kernel after it, frees and constants to
// the one before), a clock read separates two kernels, and each kernel's time and calls add up
// in the public global @sol_profile_main: [total ns, runs, a ns, a calls, b ns, b calls, c ns, c calls].
// RUN: %sol-opt %s -p insert-profile-counters | FileCheck %s
// Running it again changes nothing:
// RUN: %sol-opt %s -p insert-profile-counters,insert-profile-counters | FileCheck %s
// The counters are a public (external) global that the JIT finds by name; the clock is clock_gettime:
// RUN: %sol-opt %s -p insert-profile-counters | %sol-translate -O3 - | FileCheck %s --check-prefix=LLVM
// A symbol in the way is an error that names it:
// RUN: not %sol-opt %S/Inputs/profile-clash.mlir -p insert-profile-counters 2>&1 | FileCheck %s --check-prefix=CLASH

// CHECK:      "func.func"() ({
// CHECK-NEXT: }) {function_type = (i32, memref<2xi64>) -> i32, sym_name = "clock_gettime", sym_visibility = "private"}
// CHECK:      %[[TS:.*]] = "memref.alloca"()
// CHECK-NEXT: %[[MONOTONIC:.*]] = "arith.constant"() {value = 1 : i32}
// CHECK-NEXT: "func.call"(%[[MONOTONIC]], %[[TS]]) {callee = @clock_gettime}
// CHECK:      "arith.muli"
// CHECK-NEXT: "arith.addi"
// CHECK:      }) {function_type = () -> i64, sym_name = "sol_profile_now", sym_visibility = "private"}
// CHECK:      "memref.global"() {alignment = 64 : i64, initial_value = dense<0> : tensor<8xi64>, sym_name = "sol_profile_main", type = memref<8xi64>}
// CHECK:      %[[C:.*]] = "memref.get_global"() {name = @sol_profile_main}
// CHECK-NEXT: %[[T0:.*]] = "func.call"() {callee = @sol_profile_now} : () -> i64
// a's call, before the constants and the alloc that belong to a:
// CHECK-NEXT: %[[ONE:.*]] = "arith.constant"() {value = 1 : i64}
// CHECK-NEXT: %[[ACALLS:.*]] = "arith.constant"() {value = 3 : index}
// CHECK-NEXT: %[[OLD:.*]] = "memref.load"(%[[C]], %[[ACALLS]])
// CHECK-NEXT: %[[NEW:.*]] = "arith.addi"(%[[OLD]], %[[ONE]])
// CHECK-NEXT: "memref.store"(%[[NEW]], %[[C]], %[[ACALLS]])
// CHECK:      "memref.alloc"
// CHECK-NEXT: "scf.for"
// CHECK:      "math.exp"
// CHECK:      }) : (index, index, index) -> ()
// CHECK-NEXT: %[[T1:.*]] = "func.call"() {callee = @sol_profile_now}
// CHECK-NEXT: %[[DA:.*]] = "arith.subi"(%[[T1]], %[[T0]])
// CHECK-NEXT: %[[ANS:.*]] = "arith.constant"() {value = 2 : index}
// CHECK-NEXT: %[[OLD:.*]] = "memref.load"(%[[C]], %[[ANS]])
// CHECK-NEXT: %[[NEW:.*]] = "arith.addi"(%[[OLD]], %[[DA]])
// CHECK-NEXT: "memref.store"(%[[NEW]], %[[C]], %[[ANS]])
// CHECK:      "arith.constant"() {value = 5 : index}
// CHECK:      "scf.for"
// CHECK:      "arith.maxf"
// The free belongs to b, the kernel before it:
// CHECK:      "memref.dealloc"
// CHECK-NEXT: %[[T2:.*]] = "func.call"() {callee = @sol_profile_now}
// CHECK-NEXT: %[[DB:.*]] = "arith.subi"(%[[T2]], %[[T1]])
// CHECK-NEXT: "arith.constant"() {value = 4 : index}
// CHECK:      %[[DT:.*]] = "arith.subi"(%[[T2]], %[[T0]])
// CHECK-NEXT: "arith.constant"() {value = 0 : index}
// CHECK:      "arith.constant"() {value = 1 : index}
// CHECK:      "memref.store"
// CHECK-NEXT: "func.return"
// c has no code: nothing counts its calls.
// CHECK-NOT:  {value = 7 : index}
// CHECK:      sol.profile_counters = @sol_profile_main, sym_name = "main"

// LLVM: @sol_profile_main = {{(local_unnamed_addr )?}}global [64 x i8] zeroinitializer, align 64
// LLVM: declare i32 @clock_gettime(i32, ptr
// LLVM: define void @main(
// LLVM-COUNT-3: call i32 @clock_gettime(i32 1,

// CLASH: error: 'memref.global' op is in the way of profiling, which declares @clock_gettime as (i32, memref<2xi64>) -> i32

"builtin.module"() ({
  "func.func"() ({
  ^bb0(%in: memref<4xf32>, %out: memref<4xf32>):
    %c0 = "arith.constant"() {value = 0 : index} : () -> index loc("b")
    %c1 = "arith.constant"() {value = 1 : index} : () -> index loc("b")
    %c4 = "arith.constant"() {value = 4 : index} : () -> index loc("b")
    %zero = "arith.constant"() {value = 0.0 : f32} : () -> f32 loc("b")
    %t = "memref.alloc"() {alignment = 64 : i64, operand_segment_sizes = array<i32: 0, 0>} : () -> memref<4xf32> loc("b")
    "scf.for"(%c0, %c4, %c1) ({
    ^bb0(%i: index):
      %x = "memref.load"(%in, %i) : (memref<4xf32>, index) -> f32 loc("a")
      %e = "math.exp"(%x) : (f32) -> f32 loc("a")
      "memref.store"(%e, %t, %i) : (f32, memref<4xf32>, index) -> () loc("a")
      "scf.yield"() : () -> () loc("a")
    }) : (index, index, index) -> () loc("a")
    "scf.for"(%c0, %c4, %c1) ({
    ^bb0(%i: index):
      %x = "memref.load"(%t, %i) : (memref<4xf32>, index) -> f32 loc("b")
      %r = "arith.maxf"(%x, %zero) : (f32, f32) -> f32 loc("b")
      "memref.store"(%r, %out, %i) : (f32, memref<4xf32>, index) -> () loc("b")
      "scf.yield"() : () -> () loc("b")
    }) : (index, index, index) -> () loc("b")
    "memref.dealloc"(%t) : (memref<4xf32>) -> () loc("a")
    "func.return"() : () -> () loc("b")
  }) {function_type = (memref<4xf32>, memref<4xf32>) -> (), sol.kernels = [{flops = 4 : i64, name = "a", op = "nn.exp"}, {flops = 4 : i64, name = "b", op = "nn.relu"}, {flops = 0 : i64, name = "c", op = "nn.identity"}], sym_name = "main"} : () -> ()
}) : () -> ()
