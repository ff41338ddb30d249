package dev.luna.emulators.dynamodb;

import dev.luna.emulators.dynamodb.ExpressionLexer.Kind;
import dev.luna.emulators.dynamodb.ExpressionLexer.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The clauses of an update expression ({@code SET}, {@code REMOVE}, {@code ADD}, {@code DELETE}, each at most once)
 * and the values {@code SET} assigns ({@code a + b}, {@code if_not_exists}, {@code list_append}), parsed for an
 * {@link ExpressionParser} in either of its passes; paths, values and function errors are its own.
 */
final class UpdateClauses {
  private static final Set<String> CLAUSES = Set.of("SET", "REMOVE", "ADD", "DELETE");

  private final ExpressionParser parser;
  private final ExpressionCursor cursor;

  UpdateClauses(ExpressionParser parser) {
    this.parser = parser;
    this.cursor = parser.cursor();
  }

  UpdateExpression update() {
    List<UpdateExpression.SetAction> sets = new ArrayList<>();
    List<DocumentPath> removes = new ArrayList<>();
    List<UpdateExpression.SetChange> adds = new ArrayList<>();
    List<UpdateExpression.SetChange> deletes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    do {
      Token token = cursor.next();
      String clause = token.text().toUpperCase(Locale.ROOT);
      if (token.kind() != Kind.IDENT || !CLAUSES.contains(clause)) {
        throw cursor.syntaxError(token);
      }
      if (!seen.add(clause) && !parser.screening()) {
        throw DynamoDbError.validation("Invalid UpdateExpression: The \"" + clause
            + "\" section can only be used once in an update expression;");
      }
      do {
        switch (clause) {
          case "SET" -> {
            DocumentPath path = parser.path();
            Token eq = cursor.next();
            if (eq.kind() != Kind.COMPARATOR || !eq.text().equals("=")) {
              throw cursor.syntaxError(eq);
            }
            sets.add(new UpdateExpression.SetAction(path, setValue()));
          }
          case "REMOVE" -> removes.add(parser.path());
          case "ADD" -> adds.add(new UpdateExpression.SetChange(parser.path(), parser.literal()));
          default -> deletes.add(new UpdateExpression.SetChange(parser.path(), parser.literal()));
        }
      } while (cursor.accept(Kind.COMMA));
    } while (cursor.peek().kind() != Kind.EOF);
    return new UpdateExpression(sets, removes, adds, deletes);
  }

  private Operand setValue() {
    Operand left = setOperand();
    if (cursor.peek().kind() == Kind.PLUS || cursor.peek().kind() == Kind.MINUS) {
      boolean plus = cursor.next().kind() == Kind.PLUS;
      return new Operand.Arithmetic(plus, left, setOperand());
    }
    return left;
  }

  private Operand setOperand() {
    if (cursor.isFunctionCall()) {
      Token token = cursor.peek();
      String name = token.text().toLowerCase(Locale.ROOT);
      if (parser.screening()) {
        if (!name.equals("if_not_exists") && !name.equals("list_append")) {
          parser.noteFunctionError(token);
        }
        parser.arguments(this::setValue);
        return new Operand.Literal(ExpressionParser.ANY_VALUE);
      }
      if (name.equals("if_not_exists")) {
        List<Operand> args = parser.arguments(this::setValue);
        if (args.size() != 2 || !(args.get(0) instanceof Operand.Path(DocumentPath path))) {
          throw DynamoDbError.validation("Invalid UpdateExpression: if_not_exists requires a document path "
              + "and a value: if_not_exists(path, value)");
        }
        return new Operand.IfNotExists(path, args.get(1));
      }
      if (name.equals("list_append")) {
        List<Operand> args = parser.arguments(this::setValue);
        if (args.size() != 2) {
          throw DynamoDbError.validation("Invalid UpdateExpression: Incorrect number of operands for "
              + "operator or function; operator or function: list_append, number of operands: " + args.size());
        }
        return new Operand.ListAppend(args.get(0), args.get(1));
      }
      throw parser.functionMisuse(token);
    }
    if (cursor.peek().kind() == Kind.VALUE) {
      return new Operand.Literal(parser.literal());
    }
    return new Operand.Path(parser.path());
  }
}
