package dev.luna.emulators.dynamodb;

import dev.luna.emulators.dynamodb.ExpressionLexer.Kind;
import dev.luna.emulators.dynamodb.ExpressionLexer.Token;
import java.util.List;

/**
 * A position in the tokens of one expression, for {@link ExpressionParser}: looking ahead, consuming, and the
 * syntax error DynamoDB reports for the token at hand.
 */
final class ExpressionCursor {
  private final String expression;
  private final String label;
  private final List<Token> tokens;
  private int position;

  ExpressionCursor(String expression, String label, List<Token> tokens) {
    this.expression = expression;
    this.label = label;
    this.tokens = tokens;
  }

  /** A fresh cursor at the start of the same tokens. */
  ExpressionCursor rewound() {
    return new ExpressionCursor(expression, label, tokens);
  }

  Token peek() {
    return tokens.get(position);
  }

  Token next() {
    Token token = tokens.get(position);
    if (token.kind() != Kind.EOF) {
      position++;
    }
    return token;
  }

  void advance() {
    position++;
  }

  boolean accept(Kind kind) {
    if (peek().kind() == kind) {
      position++;
      return true;
    }
    return false;
  }

  boolean acceptKeyword(String keyword) {
    if (peek().isKeyword(keyword)) {
      position++;
      return true;
    }
    return false;
  }

  Token expect(Kind kind) {
    Token token = peek();
    if (token.kind() != kind) {
      throw syntaxError(token);
    }
    return next();
  }

  void expectKeyword(String keyword) {
    if (!acceptKeyword(keyword)) {
      throw syntaxError(peek());
    }
  }

  /** Whether the next tokens are {@code name(}. */
  boolean isFunctionCall() {
    return peek().kind() == Kind.IDENT && tokens.get(position + 1).kind() == Kind.LPAREN;
  }

  DynamoDbError syntaxError(Token token) {
    return ExpressionLexer.syntaxError(label, expression, token.describe(), token.position());
  }
}
