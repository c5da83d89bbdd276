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
 * same leading dimensions in every operand that has it (aligned from the right, as NumPy does,
 * each of the same size). Without {@code ->}, the output is the ellipsis' dimensions, then the
 * letters named once, in alphabetical order. A letter repeated within one operand (a diagonal or
 * a trace) and dimensions of different sizes for one letter are reported as unsupported.
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
    for (int i = 0; i < specs.length; i++) {
      shapes[i] = shapeOf(n.required(i));
      for (long d : shapes[i]) if (d < 0) throw n.error("operand #" + i + " has a dynamic shape; give static shapes (--shape)");
      int named = letters(n, specs[i], equation).length();
      int extra = shapes[i].length - named;
      if (specs[i].contains("...") ? extra < 0 : extra != 0) {
        throw n.error("operand #" + i + " has rank " + shapes[i].length + ", but its term '" + specs[i] + "' names " + named + " dimensions");
      }
      if (specs[i].contains("...")) ellipsis = Math.max(ellipsis, extra);
    }
    List<Term> terms = new ArrayList<>();
    Map<Character, Long> sizes = new HashMap<>();
    for (int i = 0; i < specs.length; i++) {
      String letters = expand(specs[i], shapes[i].length - letters(n, specs[i], equation).length(), ellipsis);
      for (int d = 0; d < letters.length(); d++) {
        char c = letters.charAt(d);
        if (letters.indexOf(c) != d) throw n.error("operand #" + i + " repeats index '" + c + "' (a diagonal or trace), which is not supported");
        Long size = sizes.putIfAbsent(c, shapes[i][d]);
        if (size != null && size != shapes[i][d]) {
          throw n.error("index '" + name(c) + "' has size " + size + " in an operand before #" + i + " and " + shapes[i][d] + " in operand #" + i
              + " (broadcasting is not supported)");
        }
      }
      terms.add(new Term(n.required(i), letters));
    }
    if (sides.length == 2) letters(n, sides[1], equation);
    String output = sides.length == 2 ? expand(sides[1], ellipsis, ellipsis) : implicitOutput(terms, ellipsis);
    for (int d = 0; d < output.length(); d++) {
      char c = output.charAt(d);
      if (output.indexOf(c) != d) throw n.error("the output repeats index '" + name(c) + "'");
      if (!sizes.containsKey(c)) throw n.error("the output's index '" + name(c) + "' is in no operand");
    }
    Term acc = sum(n, terms.getFirst(), needed(terms, 1, output));
    for (int i = 1; i < terms.size(); i++) {
      String later = needed(terms, i + 1, output);
      Term next = sum(n, terms.get(i), acc.letters() + later);
      acc = product(n, acc, next, later, sizes);
    }
    acc = sum(n, acc, output);
    return List.of(transpose(n, acc, output).value());
  }

  /** The letters of a term without its ellipsis, checked to be letters. */
  private static String letters(NodeImporter n, String spec, String equation) throws ImportException {
    String letters = spec.replaceFirst("\\.\\.\\.", "");
    for (char c : letters.toCharArray()) {
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) throw n.error("equation '" + equation + "' has '" + c + "' where an index letter belongs");
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

  /** The output of an equation without "->": the ellipsis' dimensions, then the letters named once, sorted. */
  private static String implicitOutput(List<Term> terms, int ellipsis) {
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < ellipsis; k++) out.append((char) (ELLIPSIS + k));
    Map<Character, Integer> uses = new HashMap<>();
    for (Term t : terms) for (char c : t.letters().toCharArray()) uses.merge(c, 1, Integer::sum);
    uses.keySet().stream().filter(c -> c < ELLIPSIS && uses.get(c) == 1).sorted().forEach(out::append);
    return out.toString();
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
