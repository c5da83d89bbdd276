// IR dumps, dump directories, timing and the pass list in --help.
// RUN: %sol-opt %s -p canonicalize,cse --print-ir-after-all 2>&1 >/dev/null | FileCheck %s --check-prefix=AFTER
// AFTER: // -----// IR Dump After canonicalize ('builtin.module' operation) //----- //
// AFTER-NEXT: "builtin.module"() ({
// AFTER: // -----// IR Dump After cse ('builtin.module' operation) //----- //
// AFTER-NOT: IR Dump After

// RUN: %sol-opt %s --pass-pipeline='builtin.module(func.func(cse))' --print-ir-before=cse 2>&1 >/dev/null | FileCheck %s --check-prefix=BEFORE
// BEFORE: // -----// IR Dump Before cse ('func.func' operation: @f) //----- //
// BEFORE-NEXT: "func.func"() ({
// BEFORE: // -----// IR Dump Before cse ('func.func' operation: @g) //----- //

// RUN: %sol-opt %s -p cse,canonicalize --print-ir-after=canonicalize 2>&1 >/dev/null | FileCheck %s --check-prefix=AFTERONE
// AFTERONE-NOT: IR Dump After cse
// AFTERONE: IR Dump After canonicalize

// Only passes that changed something are printed: cse finds nothing here, canonicalize folds.
// RUN: %sol-opt %s -p cse,canonicalize,cse --print-ir-after-change 2>&1 >/dev/null | FileCheck %s --check-prefix=CHANGE
// CHANGE-NOT: IR Dump After cse
// CHANGE: IR Dump After canonicalize
// CHANGE-NOT: IR Dump After cse

// RUN: %sol-opt %s -p cse --print-ir-before-all 2>&1 >/dev/null | FileCheck %s --check-prefix=BEFOREALL
// BEFOREALL: IR Dump Before cse ('builtin.module' operation)

// RUN: rm -rf %t.dir && %sol-opt %s --pass-pipeline='builtin.module(canonicalize,func.func(cse))' --print-ir-tree-dir=%t.dir > /dev/null
// RUN: ls %t.dir/builtin_module_no-symbol-name | FileCheck %s --check-prefix=TREE
// TREE: 0_canonicalize.mlir
// TREE: func_func_f
// TREE: func_func_g
// RUN: ls %t.dir/builtin_module_no-symbol-name/func_func_g | FileCheck %s --check-prefix=TREEG
// TREEG: {{[0-9]+}}_cse.mlir
// RUN: cat %t.dir/builtin_module_no-symbol-name/0_canonicalize.mlir | FileCheck %s --check-prefix=TREEFILE
// TREEFILE: "builtin.module"() ({

// RUN: %sol-opt %s --pass-pipeline='builtin.module(canonicalize,func.func(cse))' --timing 2>&1 >/dev/null | FileCheck %s --check-prefix=TIMING
// TIMING: ... Execution time report ...
// TIMING: Total Execution Time: {{[0-9.]+}} seconds
// TIMING: ----Wall Time----  ----Name----
// TIMING-DAG: Parser
// TIMING-DAG: canonicalize
// TIMING-DAG: 'func.func' Pipeline
// TIMING-DAG: {{^ +[0-9.]+ +\( *[0-9.]+%\) +}}cse
// TIMING-DAG: Output
// TIMING: (100.0%)  Total

// RUN: %sol-opt --help | FileCheck %s --check-prefix=HELP
// HELP: --canonicalize=OPTIONS Pass: Canonicalize operations
// HELP: --cse=OPTIONS
// HELP: --inline=OPTIONS
// HELP: --loop-invariant-code-motion=OPTIONS
// HELP: --sccp=OPTIONS
// HELP: --symbol-dce=OPTIONS

"func.func"() ({
^bb0(%x: i32):
  %c0 = "arith.constant"() {value = 0 : i32} : () -> i32
  %a = "arith.addi"(%x, %c0) : (i32, i32) -> i32
  "func.return"(%a) : (i32) -> ()
}) {function_type = (i32) -> i32, sym_name = "f"} : () -> ()
"func.func"() ({
^bb0(%x: i32):
  "func.return"(%x) : (i32) -> ()
}) {function_type = (i32) -> i32, sym_name = "g"} : () -> ()
