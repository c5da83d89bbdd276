// sol-opt's command line: flags in mlir-opt's spellings, a bad one named in one line with exit status 1.
// RUN: not %sol-opt -o 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: sol-opt: Missing value for option '-o' (FILE)
// MISSING-NEXT: Try 'sol-opt --help' for more information.
// RUN: not %sol-opt %s %s 2>&1 | FileCheck %s --check-prefix=TWO
// TWO: sol-opt: Unexpected argument '{{.*}}sol-opt-flags.mlir' (sol-opt reads one input file)
// RUN: not %sol-opt --verify-each=maybe %s 2>&1 | FileCheck %s --check-prefix=BOOL
// BOOL: sol-opt: Invalid value for option '--verify-each': 'maybe' is not a boolean
// RUN: not %sol-opt --split-input-file=true %s 2>&1 | FileCheck %s --check-prefix=SWITCH
// SWITCH: sol-opt: Option '--split-input-file' takes no value
// A prefix of a flag is not taken for it:
// RUN: not %sol-opt --pass-pipe='builtin.module(cse)' %s 2>&1 | FileCheck %s --check-prefix=PREFIX
// PREFIX: sol-opt: Unknown option: '--pass-pipe=builtin.module(cse)'

// One dash or two, value attached or not; a bare pass flag leaves the next argument as the input,
// pass flags run in command-line order, and a later -o wins:
// RUN: %sol-opt -pass-pipeline 'builtin.module(canonicalize)' %s | FileCheck %s
// RUN: %sol-opt --pass-pipeline='builtin.module(canonicalize)' -allow-unregistered-dialect %s | FileCheck %s
// RUN: %sol-opt --canonicalize %s | FileCheck %s
// RUN: %sol-opt --canonicalize %s -o - | FileCheck %s
// RUN: %sol-opt -o %t.unused --verify-each --canonicalize=max-iterations=2 %s -o %t.out && FileCheck %s < %t.out
// RUN: %sol-opt --cse --canonicalize --mlir-print-ir-after=cse,canonicalize %s 2>&1 >/dev/null | FileCheck %s --check-prefix=ORDER
// ORDER: IR Dump After {{.*}}cse
// ORDER: IR Dump After {{.*}}canonicalize
// RUN: %sol-opt --help | FileCheck %s --check-prefix=HELP
// HELP: Usage: sol-opt [OPTIONS] [FILE]
// HELP: -o FILE
// HELP: -p, --passes=PASSES
// HELP: --verify-each[=BOOL]

"func.func"() ({
^bb0(%arg0: i32):
  %0 = "arith.constant"() {value = 0 : i32} : () -> i32
  %1 = "arith.addi"(%arg0, %0) : (i32, i32) -> i32
  "func.return"(%1) : (i32) -> ()
}) {function_type = (i32) -> i32, sym_name = "f"} : () -> ()

// CHECK: "func.return"(%arg0) : (i32) -> ()
