// Pipeline mistakes give one clear line and exit status 1.
// RUN: not %sol-opt %s --pass-pipeline='builtin.module(no-such-pass)' 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: sol-opt: error: invalid pipeline 'builtin.module(no-such-pass)' at position {{[0-9]+}}: 'no-such-pass' does not refer to a registered pass or pass pipeline
// RUN: not %sol-opt %s -p cse,bogus 2>&1 | FileCheck %s --check-prefix=UNKNOWN2
// UNKNOWN2: 'bogus' does not refer to a registered pass or pass pipeline
// RUN: not %sol-opt %s --pass-pipeline='builtin.module(canonicalize{max-iterations=x})' 2>&1 | FileCheck %s --check-prefix=BADVALUE
// BADVALUE: sol-opt: error: invalid value 'x' for option 'max-iterations' of pass 'canonicalize': expected an integer
// RUN: not %sol-opt %s --pass-pipeline='builtin.module(canonicalize{bogus=1})' 2>&1 | FileCheck %s --check-prefix=BADOPT
// BADOPT: sol-opt: error: pass 'canonicalize' has no option 'bogus'; its options are: max-iterations, test-convergence, disable-patterns, enable-patterns
// RUN: not %sol-opt %s --pass-pipeline='func.func(cse)' 2>&1 | FileCheck %s --check-prefix=ROOT
// ROOT: error: can't run 'func.func' pass manager on 'builtin.module' op
// RUN: not %sol-opt %s --pass-pipeline='builtin.module(func.func(symbol-dce' 2>&1 | FileCheck %s --check-prefix=SYNTAX
// SYNTAX: sol-opt: error: invalid pipeline 'builtin.module(func.func(symbol-dce' at position {{[0-9]+}}: expected ')' at the end
// RUN: not %sol-opt %s --pass-pipeline='builtin.module(func.func(symbol-dce))' 2>&1 | FileCheck %s --check-prefix=ANCHOR
// ANCHOR: error: 'func.func' op symbol-dce must run on a symbol table (builtin.module)
// RUN: not %sol-opt %s --pass-pipeline='builtin.module(cse)' -p cse 2>&1 | FileCheck %s --check-prefix=MIX
// MIX: sol-opt: error: --pass-pipeline cannot be combined with -p or per-pass flags
// A pass flag given twice runs the pass twice:
// RUN: %sol-opt %s --cse --cse --pass-statistics 2>&1 | FileCheck %s --check-prefix=TWICE
// TWICE-COUNT-2: (S) 0 num-cse'd
// Options apply: with max-iterations=1 and test-convergence, a change in the only sweep is a failure.
// RUN: not %sol-opt %s --canonicalize='max-iterations=1 test-convergence=true' 2>&1 | FileCheck %s --check-prefix=CONV1
// CONV1: error: canonicalizer did not converge within 1 iterations
"func.func"() ({
^bb0(%x: i32):
  %c0 = "arith.constant"() {value = 0 : i32} : () -> i32
  %a = "arith.addi"(%x, %c0) : (i32, i32) -> i32
  "func.return"(%a) : (i32) -> ()
}) {function_type = (i32) -> i32, sym_name = "f"} : () -> ()
