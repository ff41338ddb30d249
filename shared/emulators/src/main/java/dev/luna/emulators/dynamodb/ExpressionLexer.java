package dev.luna.emulators.dynamodb;

import java.util.ArrayList;
import java.util.List;

/** Splits a DynamoDB expression into tokens. */
final class ExpressionLexer {

  enum Kind { IDENT, NAME, VALUE, NUMBER, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, DOT, COMPARATOR, PLUS, MINUS, EOF }

  record Token(Kind kind, String text, int position) {
    boolean isKeyword(String keyword) {
      return kind == Kind.IDENT && text.equalsIgnoreCase(keyword);
    }

    String describe() {
      return kind == Kind.EOF ? "<EOF>" : "\"" + text + "\"";
    }
  }

  private ExpressionLexer() {}

  static List<Token> tokenize(String expression, String label) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = expression.length();
    while (i < n) {
      char c = expression.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (Character.isLetter(c) || c == '_') {
        i = scanWord(expression, i + 1);
        tokens.add(new Token(Kind.IDENT, expression.substring(start, i), start));
      } else if (c == '#' || c == ':') {
        i = scanWord(expression, i + 1);
        if (i == start + 1) {
          throw syntaxError(label, expression, String.valueOf(c), start);
        }
        tokens.add(new Token(c == '#' ? Kind.NAME : Kind.VALUE, expression.substring(start, i), start));
      } else if (Character.isDigit(c)) {
        while (i < n && Character.isDigit(expression.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, expression.substring(start, i), start));
      } else if (c == '<' || c == '>' || c == '=') {
        i++;
        if (i < n && c != '=' && (expression.charAt(i) == '=' || (c == '<' && expression.charAt(i) == '>'))) {
          i++;
        }
        tokens.add(new Token(Kind.COMPARATOR, expression.substring(start, i), start));
      } else {
        Kind kind = switch (c) {
          case '(' -> Kind.LPAREN;
          case ')' -> Kind.RPAREN;
          case '[' -> Kind.LBRACKET;
          case ']' -> Kind.RBRACKET;
          case ',' -> Kind.COMMA;
          case '.' -> Kind.DOT;
          case '+' -> Kind.PLUS;
          case '-' -> Kind.MINUS;
          default -> throw DynamoDbError.validation("Invalid " + label + ": Invalid character '" + c
              + "' at position " + start + " in expression \"" + expression + "\"");
        };
        i++;
        tokens.add(new Token(kind, String.valueOf(c), start));
      }
    }
    tokens.add(new Token(Kind.EOF, "", n));
    return tokens;
  }

  private static int scanWord(String s, int i) {
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
      i++;
    }
    return i;
  }

  static DynamoDbError syntaxError(String label, String expression, String token, int position) {
    int from = Math.max(0, position - 10);
    int to = Math.min(expression.length(), position + 10);
    return DynamoDbError.validation("Invalid " + label + ": Syntax error; token: " + token
        + ", near: \"" + expression.substring(from, to) + "\"");
  }
}
