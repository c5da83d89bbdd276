// MLIR 17 properties `<{...}>` are accepted and printed as attributes, the form mlir-opt-16 reads.
// RUN: not %sol-opt --allow-unregistered-dialect --split-input-file %s 2>/dev/null | FileCheck %s
// RUN: not %sol-opt --allow-unregistered-dialect --split-input-file %s 2>&1 >/dev/null | FileCheck %s --check-prefix=ERR

// CHECK: %0 = "test.props"() {a = 1 : i32, b = "x"} : () -> i32
%p = "test.props"() <{a = 1 : i32}> {b = "x"} : () -> i32

// -----
// ERR: properties.mlir:[[@LINE+1]]:37: error: duplicate key 'a'
%q = "test.props"() <{a = 1 : i32}> {a = 2 : i32} : () -> i32
