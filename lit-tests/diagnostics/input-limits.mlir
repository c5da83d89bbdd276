// Integers too large for what they count, shapes beyond SOL's limits and MLIR's custom form
// are located errors, never internal ones; --verify-diagnostics checks the lines, FileCheck the columns.
// RUN: %sol-opt --allow-unregistered-dialect --split-input-file --verify-diagnostics %s
// RUN: not %sol-opt --allow-unregistered-dialect --split-input-file %s 2>&1 | FileCheck %s

// CHECK: input-limits.mlir:[[# @LINE + 2]]:35: error: invalid dimension: integer too large (99999999999999999999)
// expected-error @+1 {{invalid dimension: integer too large (99999999999999999999)}}
%0 = "test.op"() : () -> tensor<2x99999999999999999999xf32>

// -----

// CHECK: input-limits.mlir:[[# @LINE + 2]]:25: error: invalid dimension: integer too large (18446744073709551616)
// expected-error @+1 {{invalid dimension: integer too large (18446744073709551616)}}
"test.op"() {t = memref<18446744073709551616xi8>} : () -> ()

// -----

// MLIR accepts these, but SOL's tensors hold at most 2^31-1 elements (Java arrays, when folding and interpreting).
// CHECK: input-limits.mlir:[[# @LINE + 2]]:26: error: tensor type has 17179869184 elements, more than SOL's limit of 2147483647
// expected-error @+1 {{tensor type has 17179869184 elements, more than SOL's limit of 2147483647}}
%0 = "test.op"() : () -> tensor<65536x65536x4xi8>

// -----

// The element count must not wrap around: 2^62 + 1 times 4 is 4 in 64-bit arithmetic.
// expected-error @+1 {{memref type has a dimension of 4611686018427387905, more than SOL's limit of 2147483647}}
%0 = "test.op"() : () -> memref<4611686018427387905x4xi8>

// -----

// expected-error @+1 {{vector type has 4294967296 elements, more than SOL's limit of 2147483647}}
%0 = "test.op"() : () -> vector<65536x65536xf32>

// -----

// A type alias is checked where it is defined.
// expected-error @+1 {{tensor type has 4294967296 elements, more than SOL's limit of 2147483647}}
!big = tensor<65536x65536xi8>

// -----

// CHECK: input-limits.mlir:[[# @LINE + 2]]:4: error: invalid result count: integer too large (99999999999999999999)
// expected-error @+1 {{invalid result count: integer too large (99999999999999999999)}}
%0:99999999999999999999 = "test.op"() : () -> (i32)

// -----

%0 = "test.def"() : () -> i32
// CHECK: input-limits.mlir:[[# @LINE + 2]]:14: error: invalid SSA value result number: integer too large (99999999999999999999)
// expected-error @+1 {{invalid SSA value result number: integer too large (99999999999999999999)}}
"test.use"(%0#99999999999999999999) : (i32) -> ()

// -----

// expected-error @+1 {{invalid SSA value result number: integer too large (4294967296)}}
"test.use"(%0#4294967296) : (i32) -> ()

// -----

// MLIR's custom (pretty) form gets a hint: SOL reads only the generic form.
// CHECK: input-limits.mlir:[[# @LINE + 2]]:1: error: expected an operation name in quotes, but found 'module': SOL reads MLIR's generic form; print it with mlir-opt --mlir-print-op-generic
// expected-error @+1 {{expected an operation name in quotes, but found 'module': SOL reads MLIR's generic form; print it with mlir-opt --mlir-print-op-generic}}
module {
}

// -----

"func.func"() ({
// expected-error @+1 {{expected an operation name in quotes, but found 'arith.constant': SOL reads MLIR's generic form}}
  %0 = arith.constant 1 : i32
  "func.return"() : () -> ()
}) {function_type = () -> (), sym_name = "f"} : () -> ()

// -----

"func.func"() ({
// expected-error @+1 {{expected an operation name in quotes, but found 'return': SOL reads MLIR's generic form}}
  return
}) {function_type = () -> (), sym_name = "f"} : () -> ()
