package dev.sol.tools.deploy;

import dev.sol.runtime.ElementType;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/** The bits of C's syntax that generated headers and glue need: identifiers, string literals and comment text. */
final class CSyntax {
  private CSyntax() {}

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** C11's keywords and C++'s, since the header is meant for both languages. */
  private static final Set<String> KEYWORDS = Set.of("auto", "break", "case", "char", "const", "continue", "default", "do", "double",
      "else", "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
      "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "_Alignas", "_Alignof", "_Atomic",
      "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local", "alignas", "alignof", "and", "asm",
      "bool", "catch", "class", "constexpr", "const_cast", "decltype", "delete", "dynamic_cast", "explicit", "export", "false", "friend",
      "mutable", "namespace", "new", "noexcept", "not", "nullptr", "operator", "or", "private", "protected", "public", "reinterpret_cast",
      "static_assert", "static_cast", "template", "this", "thread_local", "throw", "true", "try", "typeid", "typename", "using", "virtual",
      "wchar_t", "xor");

  /** Why {@code name} cannot name C functions and macros, or null when it can. */
  static String identifierProblem(String name) {
    if (name == null || name.isEmpty()) return "it is empty";
    if (!IDENTIFIER.matcher(name).matches()) return "a C identifier has only letters, digits and '_' and does not start with a digit";
    if (KEYWORDS.contains(name)) return "it is a C or C++ keyword";
    return null;
  }

  /**
   * A C string literal holding the UTF-8 bytes of {@code s}: quotes, backslashes and question
   * marks (trigraphs) escaped, everything outside printable ASCII as three-digit octal escapes.
   */
  static String literal(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      switch (c) {
        case '"', '\\', '?' -> out.append('\\').append((char) c);
        default -> {
          if (c >= 0x20 && c < 0x7f) out.append((char) c);
          else out.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7))).append((char) ('0' + (c & 7)));
        }
      }
    }
    return out.append('"').toString();
  }

  /** Text that is safe inside a C block comment: no comment end, no line breaks. */
  static String commentText(String s) {
    return s.replace("*/", "* /").replace("/*", "/ *").replaceAll("[\\r\\n]", " ");
  }

  /** The C type of one element: BOOL is one byte holding 0 or 1, FLOAT16 the bits of an IEEE half. */
  static String cType(ElementType t) {
    return switch (t) {
      case FLOAT -> "float";
      case DOUBLE -> "double";
      case FLOAT16, UINT16 -> "uint16_t";
      case INT8 -> "int8_t";
      case INT16 -> "int16_t";
      case INT32 -> "int32_t";
      case INT64 -> "int64_t";
      case UINT8, BOOL -> "uint8_t";
      case UINT32 -> "uint32_t";
      case UINT64 -> "uint64_t";
    };
  }

  /** ONNX's number for an element type (TensorProto.DataType), which the header's type macros use. */
  static int onnxCode(ElementType t) {
    return switch (t) {
      case FLOAT -> 1;
      case UINT8 -> 2;
      case INT8 -> 3;
      case UINT16 -> 4;
      case INT16 -> 5;
      case INT32 -> 6;
      case INT64 -> 7;
      case BOOL -> 9;
      case FLOAT16 -> 10;
      case DOUBLE -> 11;
      case UINT32 -> 12;
      case UINT64 -> 13;
    };
  }
}
