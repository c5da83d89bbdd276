package dev.sol.frontend.onnx;

import static dev.sol.frontend.onnx.NodeImporter.attrs;
import static dev.sol.frontend.onnx.NodeImporter.shapeOf;

import dev.sol.ir.DenseArrayAttr;
import dev.sol.ir.DictionaryAttr;
import dev.sol.ir.IntegerAttr;
import dev.sol.ir.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ONNX Einsum as nn ops, as attention blocks and other exported models write their products
 * ({@code "bhid,bhjd->bhij"}). Each operand's letters that neither a later operand nor the
 * output names are summed away first (nn.reduce_sum); then the operands are multiplied two at a
 * time as one batched product (nn.matmul): the letters both name and something later keeps
 * are its batch, those both name and nothing later keeps are contracted, and each operand's own
 * letters are the product's rows or columns. Transposes and reshapes put the letters in that
 * order and back, and a last transpose gives the output's order. {@code ...} stands for the
 * same leading dimensions in every operand that has it (aligned from the right, as NumPy does);
 * a dimension of size 1 broadcasts against a larger one of the same letter. Without {@code ->}, the output is the
 * ellipsis' dimensions, then the letters named once, in the order of their codes. A letter
 * repeated within one operand (a diagonal or a trace) is reported as unsupported.
 */
final class EinsumOps {
  private EinsumOps() {}

  static void register() {
    OnnxOps.CONVERTERS.put("Einsum", EinsumOps::einsum);
  }

  /** An operand: its value and one letter per dimension (the ellipsis' as characters of their own). */
  private record Term(Value value, String letters) {}

  /** The first character that stands for a dimension of the ellipsis. */
  private static final char ELLIPSIS = '\u0100';

  private static List<Value> einsum(NodeImporter n) throws ImportException {
    String equation = n.stringAttr("equation", null);
    if (equation == null) throw n.error("the 'equation' attribute is required");
    String text = equation.replace(" ", "");
    String[] sides = text.split("->", -1);
    if (sides.length > 2) throw n.error("equation '" + equation + "' has more than one '->'");
    String[] specs = sides[0].split(",", -1);
    if (specs.length != n.numInputs()) {
      throw n.error("equation '" + equation + "' names " + specs.length + " operands, the node has " + n.numInputs() + (n.numInputs() == 1 ? " input" : " inputs"));
    }
    int ellipsis = 0;
    long[][] shapes = new long[specs.length][];
    String[] named = new String[specs.length];
    for (int i = 0; i < specs.length; i++) {
      shapes[i] = shapeOf(n.required(i));
      for (long d : shapes[i]) if (d < 0) throw n.error("operand #" + i + " has a dynamic shape; give static shapes (--shape)");
      named[i] = letters(n, specs[i], equation);
      int extra = shapes[i].length - named[i].length();
      if (specs[i].contains("...") ? extra < 0 : extra != 0) {
        throw n.error("operand #" + i + " has rank " + shapes[i].length + ", but its term '" + specs[i] + "' names " + named[i].length() + " dimensions");
      }
      if (specs[i].contains("...")) ellipsis = Math.max(ellipsis, extra);
    }
    // Each operand's letters, and each letter's size: the largest, a dimension of size 1 broadcasting.
    String[] expanded = new String[specs.length];
    Map<Character, Long> sizes = new HashMap<>();
    for (int i = 0; i < specs.length; i++) {
      expanded[i] = expand(specs[i], shapes[i].length - named[i].length(), ellipsis);
      for (int d = 0; d < expanded[i].length(); d++) {
        char c = expanded[i].charAt(d);
        if (expanded[i].indexOf(c) != d) throw n.error("operand #" + i + " repeats index '" + name(c) + "' (a diagonal or trace), which is not supported");
        sizes.merge(c, shapes[i][d], Math::max);
      }
    }
    String output;
    if (sides.length == 2) {
      letters(n, sides[1], equation);
      if (ellipsis > 0 && !sides[1].contains("...")) throw n.error("equation '" + equation + "' has '...' in its operands but not in its output");
      output = expand(sides[1], ellipsis, ellipsis);
    } else {
      output = implicitOutput(expanded, ellipsis);
    }
    for (int d = 0; d < output.length(); d++) {
      char c = output.charAt(d);
      if (output.indexOf(c) != d) throw n.error("the output repeats index '" + name(c) + "'");
      if (!sizes.containsKey(c)) throw n.error("the output's index '" + name(c) + "' is in no operand");
    }
    List<Term> terms = new ArrayList<>();
    for (int i = 0; i < specs.length; i++) terms.add(broadcast(n, i, new Term(n.required(i), expanded[i]), shapes[i], sizes));
    Term acc = sum(n, terms.getFirst(), needed(terms, 1, output));
    for (int i = 1; i < terms.size(); i++) {
      String later = needed(terms, i + 1, output);
      Term next = sum(n, terms.get(i), acc.letters() + later);
      acc = product(n, acc, next, later, sizes);
    }
    // Every letter left is one the output names: each product keeps only what later needs.
    return List.of(transpose(n, acc, output).value());
  }

  /** The letters of a term without its ellipsis, checked to be letters. */
  private static String letters(NodeImporter n, String spec, String equation) throws ImportException {
    String letters = spec.replaceFirst("\\.\\.\\.", "");
    for (char c : letters.toCharArray()) {
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
        String shown = c < ' ' || c > '~' ? String.format("\\u%04x", (int) c) : String.valueOf(c);
        throw n.error("equation '" + equation + "' has '" + shown + "' where an index letter belongs");
      }
    }
    return letters;
  }

  /** A term with its ellipsis replaced by the last {@code count} of the {@code ellipsis} characters that stand for its dimensions. */
  private static String expand(String spec, int count, int ellipsis) {
    int at = spec.indexOf("...");
    if (at < 0) return spec;
    StringBuilder dims = new StringBuilder();
    for (int k = ellipsis - count; k < ellipsis; k++) dims.append((char) (ELLIPSIS + k));
    return spec.substring(0, at) + dims + spec.substring(at + 3);
  }

  /**
   * The output of an equation without "->": the ellipsis' dimensions, then the letters named
   * once, in the order of their codes (upper case before lower case, as NumPy orders them).
   */
  private static String implicitOutput(String[] terms, int ellipsis) {
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < ellipsis; k++) out.append((char) (ELLIPSIS + k));
    Map<Character, Integer> uses = new HashMap<>();
    for (String t : terms) for (char c : t.toCharArray()) uses.merge(c, 1, Integer::sum);
    uses.keySet().stream().filter(c -> c < ELLIPSIS && uses.get(c) == 1).sorted().forEach(out::append);
    return out.toString();
  }

  /**
   * Operand #i with its dimensions of size 1 whose letter is larger elsewhere (which broadcast)
   * reshaped away; any other size that differs from the letter's is an error.
   */
  private static Term broadcast(NodeImporter n, int i, Term t, long[] shape, Map<Character, Long> sizes) throws ImportException {
    StringBuilder kept = new StringBuilder();
    List<Long> keptShape = new ArrayList<>();
    for (int d = 0; d < shape.length; d++) {
      char c = t.letters().charAt(d);
      long size = sizes.get(c);
      if (shape[d] == size) {
        kept.append(c);
        keptShape.add(size);
      } else if (shape[d] != 1) {
        throw n.error("index '" + name(c) + "' has size " + shape[d] + " in operand #" + i + " and " + size + " in another; only a size of 1 broadcasts");
      }
    }
    if (kept.length() == shape.length) return t;
    return new Term(reshape(n, t.value(), keptShape.stream().mapToLong(Long::longValue).toArray()), kept.toString());
  }

  /** The letters that the terms from {@code from} on and the output name. */
  private static String needed(List<Term> terms, int from, String output) {
    StringBuilder s = new StringBuilder(output);
    for (Term t : terms.subList(from, terms.size())) s.append(t.letters());
    return s.toString();
  }

  /** {@code t} with its letters that {@code keep} does not name summed away. */
  private static Term sum(NodeImporter n, Term t, String keep) throws ImportException {
    List<Long> axes = new ArrayList<>();
    StringBuilder left = new StringBuilder();
    for (int d = 0; d < t.letters().length(); d++) {
      if (keep.indexOf(t.letters().charAt(d)) < 0) axes.add((long) d);
      else left.append(t.letters().charAt(d));
    }
    if (axes.isEmpty()) return t;
    Value v = n.emit("nn.reduce_sum", List.of(t.value()), attrs("axes", DenseArrayAttr.i64(axes.stream().mapToLong(Long::longValue).toArray()),
        "keepdims", IntegerAttr.i64(0)));
    return new Term(v, left.toString());
  }

  /**
   * a times b as one batched product: [batch, a's own, contracted] x [batch, contracted, b's
   * own] with the letters that {@code later} (the later operands and the output) keeps as the batch.
   */
  private static Term product(NodeImporter n, Term a, Term b, String later, Map<Character, Long> sizes) throws ImportException {
    StringBuilder batch = new StringBuilder();
    StringBuilder contracted = new StringBuilder();
    StringBuilder rows = new StringBuilder();
    for (char c : a.letters().toCharArray()) {
      if (b.letters().indexOf(c) < 0) rows.append(c);
      else if (later.indexOf(c) >= 0) batch.append(c);
      else contracted.append(c);
    }
    StringBuilder columns = new StringBuilder();
    for (char c : b.letters().toCharArray()) if (a.letters().indexOf(c) < 0) columns.append(c);
    long[] flat = {size(batch, sizes), size(rows, sizes), size(contracted, sizes), size(columns, sizes)};
    Value x = reshape(n, transpose(n, a, "" + batch + rows + contracted).value(), new long[] {flat[0], flat[1], flat[2]});
    Value y = reshape(n, transpose(n, b, "" + batch + contracted + columns).value(), new long[] {flat[0], flat[2], flat[3]});
    String letters = "" + batch + rows + columns;
    long[] shape = new long[letters.length()];
    for (int d = 0; d < shape.length; d++) shape[d] = sizes.get(letters.charAt(d));
    return new Term(reshape(n, n.emit("nn.matmul", List.of(x, y), DictionaryAttr.EMPTY), shape), letters);
  }

  private static long size(CharSequence letters, Map<Character, Long> sizes) {
    long p = 1;
    for (int d = 0; d < letters.length(); d++) p *= sizes.get(letters.charAt(d));
    return p;
  }

  /** {@code t} with its dimensions in the order of {@code letters} (a permutation of its own): no op when they already are. */
  private static Term transpose(NodeImporter n, Term t, String letters) throws ImportException {
    if (t.letters().equals(letters)) return t;
    long[] perm = new long[letters.length()];
    for (int d = 0; d < perm.length; d++) perm[d] = t.letters().indexOf(letters.charAt(d));
    return new Term(n.transpose(t.value(), perm), letters);
  }

  private static Value reshape(NodeImporter n, Value v, long[] shape) throws ImportException {
    return Arrays.equals(shapeOf(v), shape) ? v : n.reshape(v, shape);
  }

  /** A letter as the equation writes it; a dimension of the ellipsis as "...". */
  private static String name(char c) {
    return c >= ELLIPSIS ? "..." : String.valueOf(c);
  }
}
