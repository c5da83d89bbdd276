// RUN: %sol-translate --threads 2 %s | FileCheck %s
// RUN: %sol-translate %s | FileCheck %s --check-prefix=SERIAL
// RUN: %sol-translate --threads 4 --target=asm %s | FileCheck %s --check-prefix=ASM
// RUN: not %sol-translate --threads 0 %s 2>&1 | FileCheck %s --check-prefix=BAD

// Each top-level loop nest is a kernel function of its own; the entry function calls it
// with the values the nest uses (pointers to distinct buffers noalias in the kernel).
// CHECK-LABEL: define void @scale(ptr noalias %0, ptr noalias %1, i64 %2)
// CHECK: call void @scale.kernel0(ptr %0, i64 %2, ptr %1)
// CHECK: ret void
// CHECK-LABEL: define void @nested(ptr noalias %0)
// CHECK: call void @nested.kernel0(ptr %0)
// CHECK-LABEL: define void @views(ptr noalias %0)
// CHECK: call void @views.kernel0(ptr %view, ptr %view1)

// With threads, an outermost scf.parallel is outlined and run by libgomp: the kernel stores
// the values the loop uses (not constants) into a context struct in its entry block, with one
// counter per thread of the iterations handed out of that thread's range, set to 0, and calls
// GOMP_parallel with the outlined function, the context and the thread count.
// CHECK-LABEL: define internal void @scale.kernel0(ptr noalias %0, i64 %1, ptr noalias %2)
// CHECK: %omp.context = alloca { ptr, i64, ptr, [2 x i64] }
// CHECK: store ptr %0, ptr
// CHECK: store i64 %1, ptr
// CHECK: store ptr %2, ptr
// CHECK: %omp.next = getelementptr inbounds nuw { ptr, i64, ptr, [2 x i64] }, ptr %omp.context, i32 0, i32 3
// CHECK-NEXT: %[[C0:.*]] = getelementptr i64, ptr %omp.next, i64 0
// CHECK-NEXT: store i64 0, ptr %[[C0]]
// CHECK-NEXT: %[[C1:.*]] = getelementptr i64, ptr %omp.next, i64 1
// CHECK-NEXT: store i64 0, ptr %[[C1]]
// CHECK: call void @GOMP_parallel(ptr @scale.kernel0.omp.0, ptr %omp.context, i32 2, i32 0)
// CHECK: ret void

// The body function takes the captured values (pointers to distinct buffers noalias), the
// counters and the thread's number. The 6 x 4 = 24 iterations (numbered row-major) fall into
// one range per thread, 12 each, handed out in chunks that halve (6, 3, 2, 1: chunk c begins at
// 12 - 12 / 2^c), numbered by an atomic add on the range's counter: the thread takes its own
// range's chunks first (u = its number at j = 0), then what is left of the others', so that a
// layer's part stays on the core that made the part before it. The induction variables are
// recovered from the iteration number.
// It is noinline: inlined into the wrapper, its loop nest was optimized twice.
// CHECK-LABEL: define internal void @scale.kernel0.omp.0.body(
// CHECK-SAME: ptr noalias %0, i64 %1, ptr noalias %2, ptr %3, i32 %4) #[[BODY:[0-9]+]]
// CHECK: %tid = zext i32 %4 to i64
// CHECK: %j = phi i64 [ 0, %entry ], [ %j.next, %omp.range.next ]
// CHECK: %[[SUM:.*]] = add i64 %tid, %j
// CHECK-NEXT: %u = urem i64 %[[SUM]], 2
// CHECK: %lo = udiv i64 %{{.*}}, 2
// CHECK: %hi = udiv i64 %{{.*}}, 2
// CHECK: %size = sub i64 %hi, %lo
// CHECK: %counter = getelementptr i64, ptr %3, i64 %u
// CHECK: omp.take:
// CHECK-NEXT: %[[C:.*]] = atomicrmw add ptr %counter, i64 1 monotonic
// CHECK-NEXT: %[[CMP:.*]] = icmp ult i64 %[[C]], 63
// CHECK-NEXT: %[[SHIFT:.*]] = select i1 %[[CMP]], i64 %[[C]], i64 63
// CHECK-NEXT: %[[LEFT:.*]] = lshr i64 %size, %[[SHIFT]]
// CHECK-NEXT: %[[DONE:.*]] = sub i64 %size, %[[LEFT]]
// CHECK-NEXT: %begin = add i64 %lo, %[[DONE]]
// CHECK-NEXT: icmp ult i64 %begin, %hi
// CHECK: omp.run:
// CHECK-NEXT: %[[NEXT:.*]] = add i64 %[[C]], 1
// CHECK: lshr i64 %size
// CHECK: %end = add i64 %lo,
// CHECK: omp.body:
// CHECK: urem i64 %k, 4
// CHECK: udiv i64 %k, 4
// CHECK: fmul float
// CHECK-LABEL: define internal void @scale.kernel0.omp.0(ptr %0)
// CHECK: %next = getelementptr inbounds nuw { ptr, i64, ptr, [2 x i64] }, ptr %0, i32 0, i32 3
// CHECK: call i32 @omp_get_thread_num()
// CHECK: call void @scale.kernel0.omp.0.body(ptr %{{.*}}, i64 %{{.*}}, ptr %{{.*}}, ptr %next, i32 %{{.*}})
// CHECK: declare void @GOMP_parallel(ptr, ptr, i32, i32)

// A loop around a parallel one is serial; its context is allocated once, in the entry block:
// CHECK-LABEL: define internal void @nested.kernel0(ptr noalias %0)
// CHECK-NEXT: entry:
// CHECK-NEXT: %omp.context = alloca { ptr, i64, [2 x i64] }
// CHECK: loop.body:
// CHECK: call void @GOMP_parallel(ptr @nested.kernel0.omp.[[N:[0-9]+]], ptr %omp.context, i32 2, i32 0)
// CHECK-NOT: GOMP_parallel
// CHECK: ret void
// A parallel loop inside a parallel region runs serially on its thread: no second GOMP_parallel.
// CHECK: define internal void @nested.kernel0.omp.[[N]].body(ptr noalias %0, i64 %1, ptr %2, i32 %3)
// CHECK-NOT: GOMP_parallel
// CHECK: par.header:
// CHECK: define internal void @nested.kernel0.omp.[[N]](ptr %0)

// Views into one arena at disjoint bytes are noalias in the kernel and its body; overlapping ones are not.
// CHECK-LABEL: define internal void @views.kernel0(ptr noalias %0, ptr noalias %1)
// CHECK-LABEL: define internal void @views.kernel0.omp.{{[0-9]+}}.body(ptr noalias %0, ptr noalias %1, ptr %2, i32 %3)
// CHECK-LABEL: define internal void @overlapping.kernel0(ptr %0, ptr %1)
// CHECK-LABEL: define internal void @overlapping.kernel0.omp.{{[0-9]+}}.body(ptr %0, ptr %1, ptr %2, i32 %3)
// Kernels are noinline nounwind, the parallel bodies noinline.
// CHECK: attributes #[[BODY]] = { noinline }

// One thread (the default): serial loops, no OpenMP at all.
// SERIAL-NOT: GOMP
// SERIAL-NOT: atomicrmw
// SERIAL-NOT: omp_get
// SERIAL: par.header:

// ASM: scale:
// ASM: movl $4, %edx
// ASM: GOMP_parallel

// BAD: error: --threads must be at least 1

"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: memref<6x4xf32>, %y: memref<6x4xf32>, %n: index):
    %c0 = "arith.constant"() {value = 0 : index} : () -> index
    %c1 = "arith.constant"() {value = 1 : index} : () -> index
    %c4 = "arith.constant"() {value = 4 : index} : () -> index
    %c6 = "arith.constant"() {value = 6 : index} : () -> index
    %two = "arith.constant"() {value = 2.0 : f32} : () -> f32
    "scf.parallel"(%c0, %c0, %c6, %c4, %c1, %c1) ({
    ^bb0(%i: index, %j: index):
      %v = "memref.load"(%x, %i, %j) : (memref<6x4xf32>, index, index) -> f32
      %nf = "arith.index_cast"(%n) : (index) -> i32
      %f = "arith.sitofp"(%nf) : (i32) -> f32
      %w = "arith.mulf"(%v, %f) : (f32, f32) -> f32
      %u = "arith.mulf"(%w, %two) : (f32, f32) -> f32
      "memref.store"(%u, %y, %i, %j) : (f32, memref<6x4xf32>, index, index) -> ()
      "scf.yield"() : () -> ()
    }) {operand_segment_sizes = array<i32: 2, 2, 2, 0>} : (index, index, index, index, index, index) -> ()
    "func.return"() : () -> ()
  }) {function_type = (memref<6x4xf32>, memref<6x4xf32>, index) -> (), sym_name = "scale"} : () -> ()
  "func.func"() ({
  ^bb0(%x: memref<3x8xf32>):
    %c0 = "arith.constant"() {value = 0 : index} : () -> index
    %c1 = "arith.constant"() {value = 1 : index} : () -> index
    %c3 = "arith.constant"() {value = 3 : index} : () -> index
    %c8 = "arith.constant"() {value = 8 : index} : () -> index
    %one = "arith.constant"() {value = 1.0 : f32} : () -> f32
    "scf.for"(%c0, %c3, %c1) ({
    ^bb0(%r: index):
      "scf.parallel"(%c0, %c8, %c1) ({
      ^bb0(%i: index):
        "scf.parallel"(%c0, %c1, %c1) ({
        ^bb0(%z: index):
          %v = "memref.load"(%x, %r, %i) : (memref<3x8xf32>, index, index) -> f32
          %w = "arith.addf"(%v, %one) : (f32, f32) -> f32
          "memref.store"(%w, %x, %r, %i) : (f32, memref<3x8xf32>, index, index) -> ()
          "scf.yield"() : () -> ()
        }) {operand_segment_sizes = array<i32: 1, 1, 1, 0>} : (index, index, index) -> ()
        "scf.yield"() : () -> ()
      }) {operand_segment_sizes = array<i32: 1, 1, 1, 0>} : (index, index, index) -> ()
      "scf.yield"() : () -> ()
    }) : (index, index, index) -> ()
    "func.return"() : () -> ()
  }) {function_type = (memref<3x8xf32>) -> (), sym_name = "nested"} : () -> ()
  "func.func"() ({
  ^bb0(%arena: memref<128xi8>):
    %c0 = "arith.constant"() {value = 0 : index} : () -> index
    %c1 = "arith.constant"() {value = 1 : index} : () -> index
    %c8 = "arith.constant"() {value = 8 : index} : () -> index
    %c64 = "arith.constant"() {value = 64 : index} : () -> index
    %a = "memref.view"(%arena, %c0) : (memref<128xi8>, index) -> memref<8xf32>
    %b = "memref.view"(%arena, %c64) : (memref<128xi8>, index) -> memref<8xf32>
    "scf.parallel"(%c0, %c8, %c1) ({
    ^bb0(%i: index):
      %v = "memref.load"(%a, %i) : (memref<8xf32>, index) -> f32
      "memref.store"(%v, %b, %i) : (f32, memref<8xf32>, index) -> ()
      "scf.yield"() : () -> ()
    }) {operand_segment_sizes = array<i32: 1, 1, 1, 0>} : (index, index, index) -> ()
    "func.return"() : () -> ()
  }) {arg_attrs = [{sol.arena}], function_type = (memref<128xi8>) -> (), sym_name = "views"} : () -> ()
  "func.func"() ({
  ^bb0(%arena: memref<128xi8>):
    %c0 = "arith.constant"() {value = 0 : index} : () -> index
    %c1 = "arith.constant"() {value = 1 : index} : () -> index
    %c8 = "arith.constant"() {value = 8 : index} : () -> index
    %c16 = "arith.constant"() {value = 16 : index} : () -> index
    %a = "memref.view"(%arena, %c0) : (memref<128xi8>, index) -> memref<8xf32>
    %b = "memref.view"(%arena, %c16) : (memref<128xi8>, index) -> memref<8xf32>
    "scf.parallel"(%c0, %c8, %c1) ({
    ^bb0(%i: index):
      %v = "memref.load"(%a, %i) : (memref<8xf32>, index) -> f32
      "memref.store"(%v, %b, %i) : (f32, memref<8xf32>, index) -> ()
      "scf.yield"() : () -> ()
    }) {operand_segment_sizes = array<i32: 1, 1, 1, 0>} : (index, index, index) -> ()
    "func.return"() : () -> ()
  }) {function_type = (memref<128xi8>) -> (), sym_name = "overlapping"} : () -> ()
}) : () -> ()
