package dev.sol.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The compile progress line: phase and share on a terminal, erased at the end; silence elsewhere. */
class ProgressLineTest {
  @Test void onATerminalThePhaseAndShareAreShownThenErased() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ProgressLine line = new ProgressLine("net.onnx", err, true, 0)) {
      line.phase("optimize");
      for (int i = 0; i < 200 && !bytes.toString(StandardCharsets.UTF_8).contains("optimize"); i++) Thread.sleep(25);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\rcompiling net.onnx: "), text);
    assertTrue(text.contains("\rcompiling net.onnx: optimize (24%, "), text);
    assertTrue(text.endsWith("\r\u001b[K"), "the line is erased at the end: " + text);
  }

  @Test void elsewhereNothingIsWritten() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ProgressLine line = new ProgressLine("net.onnx", new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 0)) {
      line.phase("codegen");
      Thread.sleep(100);
    }
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
  }
}
