// RUN: %sol-opt -p convert-nn-to-loops,bufferize --split-input-file %s | FileCheck %s
// RUN: %sol-opt -p convert-nn-to-loops --split-input-file %s | FileCheck %s --check-prefix=CAST
// RUN: %sol-opt --check-equivalence --pipeline=cpu --split-input-file %s 2>&1 | FileCheck %s --check-prefix=EQUIV

// Integer tensors of every width and signedness. arith computes on signless integers only, so
// buffers hold them signless (a tensor<4xui8> is a memref<4xi8>, also in the bufferized
// signature and in constant globals, bit for bit), and each op picks the unsigned or signed
// arith variant from its nn types. Interpreting every step of sol-cpu on random inputs gives
// the same results (unsigned values cross the signless buffers bit for bit); the constants
// push values past the signed range, where a signed op would differ.
// EQUIV-NOT: changed the results
// EQUIV: function_type = (memref<4xi8>, memref<4xi8>, memref<4xi8>, memref<4xi8>, memref<128xi8>) -> ()

// convert-nn-to-loops alone casts an unsigned tensor to its signless twin before
// bufferization.to_memref (which keeps the element type) and back after to_tensor, with
// builtin.unrealized_conversion_cast, as MLIR's type conversions do; bufferize removes them.
// CAST: ^bb0(%[[X:.*]]: tensor<4xui8>, %{{.*}}: tensor<4xui8>):
// CAST: %[[C:.*]] = "nn.constant"() {value = dense<[200, 250, 3, 129]> : tensor<4xui8>}
// CAST: %[[XS:.*]] = "builtin.unrealized_conversion_cast"(%[[X]]) : (tensor<4xui8>) -> tensor<4xi8>
// CAST: "bufferization.to_memref"(%[[XS]]) : (tensor<4xi8>) -> memref<4xi8>
// CAST: %[[CS:.*]] = "builtin.unrealized_conversion_cast"(%[[C]]) : (tensor<4xui8>) -> tensor<4xi8>
// CAST: "bufferization.to_memref"(%[[CS]]) : (tensor<4xi8>) -> memref<4xi8>
// CAST: %[[ST:.*]] = "bufferization.to_tensor"(%{{.*}}) : (memref<4xi8>) -> tensor<4xi8>
// CAST: %[[S:.*]] = "builtin.unrealized_conversion_cast"(%[[ST]]) : (tensor<4xi8>) -> tensor<4xui8>
// CAST: "func.return"(%{{.*}}, %[[S]]) : (tensor<4xui8>, tensor<4xui8>) -> ()

// CHECK: "memref.global"() {alignment = 64 : i64, constant, initial_value = dense<[-56, -6, 3, -127]> : tensor<4xi8>, sym_name = "__constant_0", sym_visibility = "private", type = memref<4xi8>}
// CHECK: ^bb0(%[[X:.*]]: memref<4xi8>, %[[Y:.*]]: memref<4xi8>, %[[N:.*]]: memref<4xi8>, %[[S:.*]]: memref<4xi8>):
// CHECK: %[[C:.*]] = "memref.get_global"() {name = @__constant_0} : () -> memref<4xi8>
// CHECK: "arith.addi"(%{{.*}}, %{{.*}}) : (i8, i8) -> i8
// CHECK: "memref.store"(%{{.*}}, %[[S]],
// CHECK: "memref.load"(%[[S]],
// CHECK: "memref.load"(%[[C]],
// CHECK: "arith.divui"(%{{.*}}, %{{.*}}) : (i8, i8) -> i8
// CHECK: "arith.maxui"(%{{.*}}, %{{.*}}) : (i8, i8) -> i8
// CHECK: "arith.minui"(%{{.*}}, %{{.*}}) : (i8, i8) -> i8
// CHECK: "memref.store"(%{{.*}}, %[[N]],
// CHECK: function_type = (memref<4xi8>, memref<4xi8>, memref<4xi8>, memref<4xi8>) -> ()
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<4xui8>, %y: tensor<4xui8>):
    %c = "nn.constant"() {value = dense<[200, 250, 3, 129]> : tensor<4xui8>} : () -> tensor<4xui8>
    %s = "nn.add"(%x, %c) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
    %q = "nn.div"(%s, %c) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
    %m = "nn.max"(%s, %y) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
    %n = "nn.min"(%m, %q) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
    "func.return"(%n, %s) : (tensor<4xui8>, tensor<4xui8>) -> ()
  }) {function_type = (tensor<4xui8>, tensor<4xui8>) -> (tensor<4xui8>, tensor<4xui8>), sym_name = "main"} : () -> ()
}) : () -> ()

// -----

// Signed (signless) integers take the signed variants; Clip's bounds become the nearest
// values inside them (-2.5 gives -2), abs is max(x, 0 - x) and neg is 0 - x.
// CAST-NOT: unrealized_conversion_cast
// CAST: function_type = (tensor<2x3xi8>, tensor<3xi8>) -> tensor<2x3xi8>
// CHECK: ^bb0(%{{.*}}: memref<2x3xi8>, %{{.*}}: memref<3xi8>, %{{.*}}: memref<2x3xi8>):
// CHECK: "arith.divsi"(%{{.*}}, %{{.*}}) : (i8, i8) -> i8
// CHECK: "arith.maxsi"(%{{.*}}, %{{.*}}) : (i8, i8) -> i8
// CHECK: %[[LO:.*]] = "arith.constant"() {value = -2 : i8} : () -> i8
// CHECK: %[[CLO:.*]] = "arith.maxsi"(%{{.*}}, %[[LO]]) : (i8, i8) -> i8
// CHECK: %[[HI:.*]] = "arith.constant"() {value = 100 : i8} : () -> i8
// CHECK: "arith.minsi"(%[[CLO]], %[[HI]]) : (i8, i8) -> i8
// CHECK: %[[V:.*]] = "memref.load"
// CHECK: %[[Z:.*]] = "arith.constant"() {value = 0 : i8} : () -> i8
// CHECK: %[[NV:.*]] = "arith.subi"(%[[Z]], %[[V]]) : (i8, i8) -> i8
// CHECK: "arith.maxsi"(%[[V]], %[[NV]]) : (i8, i8) -> i8
// CHECK: "arith.subi"
// CHECK: function_type = (memref<2x3xi8>, memref<3xi8>, memref<2x3xi8>) -> ()
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<2x3xi8>, %b: tensor<3xi8>):
    %c = "nn.constant"() {value = dense<[-7, 3, 100]> : tensor<3xi8>} : () -> tensor<3xi8>
    %q = "nn.div"(%x, %c) : (tensor<2x3xi8>, tensor<3xi8>) -> tensor<2x3xi8>
    %m = "nn.max"(%q, %b) : (tensor<2x3xi8>, tensor<3xi8>) -> tensor<2x3xi8>
    %k = "nn.clip"(%m) {min = -2.5 : f64, max = 100.0 : f64} : (tensor<2x3xi8>) -> tensor<2x3xi8>
    %a = "nn.abs"(%k) : (tensor<2x3xi8>) -> tensor<2x3xi8>
    %n = "nn.neg"(%a) : (tensor<2x3xi8>) -> tensor<2x3xi8>
    "func.return"(%n) : (tensor<2x3xi8>) -> ()
  }) {function_type = (tensor<2x3xi8>, tensor<3xi8>) -> tensor<2x3xi8>, sym_name = "main"} : () -> ()
}) : () -> ()

// -----

// Max pooling starts from the type's lowest value: 0 for ui16 with maxui, -32768 for i16
// with maxsi.
// CHECK: initial_value = dense<-5536> : tensor<1x1x2x4xi16>
// CHECK: ^bb0(%{{.*}}: memref<1x1x2x4xi16>, %{{.*}}: memref<1x1x2x4xi16>, %[[P:.*]]: memref<1x1x1x2xi16>, %[[R:.*]]: memref<1x1x1x2xi16>):
// CHECK: "arith.constant"() {value = 0 : i16} : () -> i16
// CHECK: "arith.maxui"(%{{.*}}, %{{.*}}) : (i16, i16) -> i16
// CHECK: "memref.store"(%{{.*}}, %[[P]],
// CHECK: "arith.constant"() {value = -32768 : i16} : () -> i16
// CHECK: "arith.maxsi"(%{{.*}}, %{{.*}}) : (i16, i16) -> i16
// CHECK: "memref.store"(%{{.*}}, %[[R]],
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<1x1x2x4xui16>, %y: tensor<1x1x2x4xi16>):
    %c = "nn.constant"() {value = dense<60000> : tensor<1x1x2x4xui16>} : () -> tensor<1x1x2x4xui16>
    %s = "nn.add"(%x, %c) : (tensor<1x1x2x4xui16>, tensor<1x1x2x4xui16>) -> tensor<1x1x2x4xui16>
    %p = "nn.max_pool"(%s) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x2x4xui16>) -> tensor<1x1x1x2xui16>
    %d = "nn.sub"(%y, %y) : (tensor<1x1x2x4xi16>, tensor<1x1x2x4xi16>) -> tensor<1x1x2x4xi16>
    %r = "nn.max_pool"(%d) {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x1x2x4xi16>) -> tensor<1x1x1x2xi16>
    "func.return"(%p, %r) : (tensor<1x1x1x2xui16>, tensor<1x1x1x2xi16>) -> ()
  }) {function_type = (tensor<1x1x2x4xui16>, tensor<1x1x2x4xi16>) -> (tensor<1x1x1x2xui16>, tensor<1x1x1x2xi16>), sym_name = "main"} : () -> ()
}) : () -> ()

// -----

// Reductions: ui32 max starts from 0 with maxui and a ui32 mean divides unsigned; an i32 min
// starts from 2147483647 with minsi.
// CHECK: initial_value = dense<-294967296> : tensor<3xi32>
// CHECK: "arith.constant"() {value = 0 : i32} : () -> i32
// CHECK: "arith.maxui"(%{{.*}}, %{{.*}}) : (i32, i32) -> i32
// CHECK: %[[SUM:.*]] = "scf.for"
// CHECK: "arith.addi"(%{{.*}}, %{{.*}}) : (i32, i32) -> i32
// CHECK: %[[COUNT:.*]] = "arith.constant"() {value = 3 : i32} : () -> i32
// CHECK: "arith.divui"(%[[SUM]], %[[COUNT]]) : (i32, i32) -> i32
// CHECK: "arith.constant"() {value = 2147483647 : i32} : () -> i32
// CHECK: "arith.minsi"(%{{.*}}, %{{.*}}) : (i32, i32) -> i32
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<2x3xui32>, %y: tensor<2x3xi32>):
    %big = "nn.constant"() {value = dense<4000000000> : tensor<3xui32>} : () -> tensor<3xui32>
    %s = "nn.add"(%x, %big) : (tensor<2x3xui32>, tensor<3xui32>) -> tensor<2x3xui32>
    %mx = "nn.reduce_max"(%s) {axes = array<i64: 1>, keepdims = 0 : i64} : (tensor<2x3xui32>) -> tensor<2xui32>
    %mean = "nn.reduce_mean"(%s) {axes = array<i64: 1>, keepdims = 0 : i64} : (tensor<2x3xui32>) -> tensor<2xui32>
    %mn = "nn.reduce_min"(%y) {axes = array<i64: 1>, keepdims = 0 : i64} : (tensor<2x3xi32>) -> tensor<2xi32>
    "func.return"(%mx, %mean, %mn) : (tensor<2xui32>, tensor<2xui32>, tensor<2xi32>) -> ()
  }) {function_type = (tensor<2x3xui32>, tensor<2x3xi32>) -> (tensor<2xui32>, tensor<2xui32>, tensor<2xi32>), sym_name = "main"} : () -> ()
}) : () -> ()

// -----

// Casts take the conversion from the signedness of both tensor types: uitofp and extui from
// unsigned, sitofp and extsi from signed, fptoui to unsigned; ui8 to i8 keeps the bits.
// CHECK: ^bb0(%{{.*}}: memref<4xi8>, %[[S:.*]]: memref<4xi8>, %{{.*}}: memref<4xf32>, %{{.*}}: memref<4xf32>, %{{.*}}: memref<4xf32>, %{{.*}}: memref<4xi32>, %{{.*}}: memref<4xi32>, %{{.*}}: memref<4xi16>, %[[SAME:.*]]: memref<4xi8>):
// CHECK: %[[U:.*]] = "memref.alloc"() {{.*}} -> memref<4xi8>
// CHECK: "arith.uitofp"(%{{.*}}) : (i8) -> f32
// CHECK: "arith.sitofp"(%{{.*}}) : (i8) -> f32
// CHECK: "arith.extui"(%{{.*}}) : (i8) -> i32
// CHECK: "arith.extsi"(%{{.*}}) : (i8) -> i32
// CHECK: "arith.fptoui"(%{{.*}}) : (f32) -> i16
// CHECK: %[[V:.*]] = "memref.load"(%[[U]], %{{.*}}) : (memref<4xi8>, index) -> i8
// CHECK-NEXT: "memref.store"(%[[V]], %[[SAME]], %{{.*}}) : (i8, memref<4xi8>, index) -> ()
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%u: tensor<4xui8>, %s: tensor<4xi8>, %f: tensor<4xf32>):
    %c = "nn.constant"() {value = dense<250> : tensor<4xui8>} : () -> tensor<4xui8>
    %uu = "nn.add"(%u, %c) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
    %0 = "nn.cast"(%uu) : (tensor<4xui8>) -> tensor<4xf32>
    %1 = "nn.cast"(%s) : (tensor<4xi8>) -> tensor<4xf32>
    %2 = "nn.cast"(%uu) : (tensor<4xui8>) -> tensor<4xi32>
    %3 = "nn.cast"(%s) : (tensor<4xi8>) -> tensor<4xi32>
    %4 = "nn.cast"(%f) : (tensor<4xf32>) -> tensor<4xui16>
    %5 = "nn.cast"(%uu) : (tensor<4xui8>) -> tensor<4xi8>
    "func.return"(%0, %1, %2, %3, %4, %5) : (tensor<4xf32>, tensor<4xf32>, tensor<4xi32>, tensor<4xi32>, tensor<4xui16>, tensor<4xi8>) -> ()
  }) {function_type = (tensor<4xui8>, tensor<4xi8>, tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xi32>, tensor<4xi32>, tensor<4xui16>, tensor<4xi8>), sym_name = "main"} : () -> ()
}) : () -> ()

// -----

// Pow: a float to a ui32 power converts the exponent with uitofp; an integer to an integer
// power is exact, square-and-multiply over the exponent's 64 bits, and a negative exponent
// selects what the real power truncates to.
// CHECK: "arith.uitofp"(%{{.*}}) : (i32) -> f64
// CHECK: "math.powf"(%{{.*}}, %{{.*}}) : (f64, f64) -> f64
// CHECK: %[[B:.*]] = "memref.load"(%{{.*}}, %{{.*}}) : (memref<3xi64>, index) -> i64
// CHECK: %[[E:.*]] = "memref.load"(%{{.*}}, %{{.*}}) : (memref<3xi64>, index) -> i64
// CHECK: %[[BITS:.*]] = "arith.constant"() {value = 64 : index} : () -> index
// CHECK: %[[P:.*]]:3 = "scf.for"(%{{.*}}, %[[BITS]], %{{.*}}, %{{.*}}, %[[B]], %[[E]])
// CHECK: ^bb0(%{{.*}}: index, %[[R:.*]]: i64, %[[BASE:.*]]: i64, %[[REST:.*]]: i64):
// CHECK: %[[PROD:.*]] = "arith.muli"(%[[R]], %[[BASE]]) : (i64, i64) -> i64
// CHECK: "arith.select"(%{{.*}}, %[[PROD]], %[[R]])
// CHECK: "arith.muli"(%[[BASE]], %[[BASE]])
// CHECK: "arith.shrui"(%[[REST]], %{{.*}})
// CHECK: %[[NEG:.*]] = "arith.cmpi"(%[[E]], %{{.*}}) {predicate = 2 : i64} : (i64, i64) -> i1
// CHECK: "arith.select"(%[[NEG]], %{{.*}}, %[[P]]#0) : (i1, i64, i64) -> i64
"builtin.module"() ({
  "func.func"() ({
  ^bb0(%x: tensor<3xf32>, %e: tensor<3xui32>, %b: tensor<3xi64>, %n: tensor<3xi64>):
    %0 = "nn.pow"(%x, %e) : (tensor<3xf32>, tensor<3xui32>) -> tensor<3xf32>
    %1 = "nn.pow"(%b, %n) : (tensor<3xi64>, tensor<3xi64>) -> tensor<3xi64>
    "func.return"(%0, %1) : (tensor<3xf32>, tensor<3xi64>) -> ()
  }) {function_type = (tensor<3xf32>, tensor<3xui32>, tensor<3xi64>, tensor<3xi64>) -> (tensor<3xf32>, tensor<3xi64>), sym_name = "main"} : () -> ()
}) : () -> ()
