package dev.sol.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckEquivalenceTest {
  private static final String IR = """
      "func.func"() ({
      ^bb0(%x: tensor<4xf32>, %y: tensor<4xf32>):
        %0 = "nn.relu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
        %1 = "nn.add"(%0, %y) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
        "func.return"(%1) : (tensor<4xf32>) -> ()
      }) {function_type = (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>, sym_name = "main"} : () -> ()
      """;

  private static String[] runSolOpt(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true));
      System.setErr(new PrintStream(err, true));
      int status = SolOpt.run(args, System.out, System.err);
      return new String[] {Integer.toString(status), out.toString(), err.toString()};
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test void namesTheFirstPassThatChangesTheResults(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("equiv.mlir");
    Files.writeString(file, IR);
    String[] ok = runSolOpt("--load-dialect", "nn", file.toString(), "-p", "canonicalize,cse", "--check-equivalence");
    assertEquals("0", ok[0], ok[2]);
    String[] bad = runSolOpt("--load-dialect", "nn", file.toString(), "-p", "canonicalize,test-break-add,cse", "--check-equivalence");
    assertEquals("1", bad[0]);
    assertTrue(bad[2].contains("error: pass 'test-break-add' changed the results: @main result #0: element "), bad[2]);
  }
}
