// Input that would exhaust the stack or the heap, or that is not UTF-8, gets one clear error and exit status 1.
// RUN: seq 501 | sed 's/.*/"test.op"() ({/' > %t.deep.mlir && seq 501 | sed 's/.*/}) : () -> ()/' >> %t.deep.mlir
// RUN: not %sol-opt --allow-unregistered-dialect %t.deep.mlir 2>&1 | FileCheck %s --check-prefix=DEEP
// DEEP: deep.mlir:501:14: error: regions are nested more than 500 levels deep
// DEEP-NOT: internal error

// 500 levels are fine, through passes and the printer too:
// RUN: seq 500 | sed 's/.*/"test.op"() ({/' > %t.ok.mlir && seq 500 | sed 's/.*/}) : () -> ()/' >> %t.ok.mlir
// RUN: %sol-opt --allow-unregistered-dialect %t.ok.mlir -p canonicalize,cse | FileCheck %s --check-prefix=OK
// OK: "builtin.module"() ({

// With a stack too small even for that, the parse stops with a located error, or the tool with one line:
// RUN: env SOL_JAVA_OPTS=-Xss160k not %sol-opt --allow-unregistered-dialect %t.ok.mlir 2>&1 | FileCheck %s --check-prefix=STACK
// STACK: {{ok.mlir:[0-9]+:[0-9]+: error: the input nests too deeply for the stack; give the JVM a larger one \(-Xss\)|sol-opt: error: out of stack space}}
// STACK-NOT: internal error

// RUN: printf '"test.op"() {a = ' > %t.brackets.mlir && printf '%%3000s' '' | tr ' ' '[' >> %t.brackets.mlir
// RUN: not %sol-opt --allow-unregistered-dialect %t.brackets.mlir 2>&1 | FileCheck %s --check-prefix=BRACKETS
// BRACKETS: brackets.mlir:1:2513: error: attributes or types are nested too deeply (SOL's parser allows 2500 nested grammar rules)

// RUN: printf '"test.op"() : () -> ()\n// caf\303\251 \377\n' > %t.latin1.mlir
// RUN: not %sol-opt --allow-unregistered-dialect %t.latin1.mlir 2>&1 | FileCheck %s --check-prefix=UTF8
// RUN: not %sol-translate %t.latin1.mlir 2>&1 | FileCheck %s --check-prefix=UTF8
// UTF8: latin1.mlir:2:9: error: invalid UTF-8 (byte 0xff); SOL reads UTF-8 text

// Running out of heap is one line that says what to raise, with no stack trace:
// RUN: seq 300000 | sed 's/.*/"test.op"() {a = "&"} : () -> ()/' > %t.big.mlir
// RUN: env SOL_JAVA_OPTS=-Xmx16m not %sol-opt --allow-unregistered-dialect %t.big.mlir 2>&1 | FileCheck %s --check-prefix=OOM
// OOM: sol-opt: error: out of memory (Java heap space); raise the Java heap with SOL_JAVA_OPTS=-Xmx...
// OOM-NOT: at dev.sol
