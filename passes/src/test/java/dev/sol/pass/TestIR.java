package dev.sol.pass;

import dev.sol.dialect.Dialects;
import dev.sol.ir.Diagnostic;
import dev.sol.ir.IRContext;
import dev.sol.ir.Operation;
import dev.sol.textir.AsmPrinter;
import dev.sol.textir.IRParser;
import dev.sol.textir.SourceBuffer;
import java.util.ArrayList;
import java.util.List;

/** Parses and prints IR for tests, collecting diagnostics. */
final class TestIR {
  final IRContext context = Dialects.newContext().setAllowUnregisteredDialects(true);
  final List<Diagnostic> diagnostics = new ArrayList<>();

  TestIR() { context.diagnostics().pushHandler(diagnostics::add); }

  Operation parse(String text) { return IRParser.parse(context, new SourceBuffer("test.mlir", text)); }

  static String print(Operation op) { return AsmPrinter.toString(op, false); }
}
