package dev.luna.emulators.dynamodb;

import dev.luna.emulators.dynamodb.ExpressionLexer.Kind;
import dev.luna.emulators.dynamodb.ExpressionLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recursive-descent parser for condition/filter/key-condition, update and projection expressions.
 * Placeholders are resolved through the {@link ExpressionContext} while parsing.
 *
 * <p>Each expression is parsed twice, because DynamoDB reports errors by kind rather than by position:
 * a first, screening pass checks only the grammar (so a syntax error anywhere wins) and notes the first
 * attribute name written literally that is a reserved word, and the first unknown or misplaced function;
 * those are reported next (for conditions a function error before a reserved word, for updates the
 * reverse). The second pass resolves placeholders, applies every other check and builds the result.
 * Update expressions' clauses are parsed by {@link UpdateClauses}; the tokens are walked with an {@link ExpressionCursor}.
 */
final class ExpressionParser {
  private static final Set<String> CONDITION_FUNCTIONS =
      Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
  private static final Set<String> KNOWN_FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists",
      "attribute_type", "begins_with", "contains", "size", "if_not_exists", "list_append");
  private static final Set<String> TYPE_NAMES =
      Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");
  private static final int MAX_IN_OPERANDS = 100;
  /** Stands for any value while screening, when placeholders are not resolved. */
  static final AttrValue ANY_VALUE = new AttrValue.Null();

  private final String label;
  /** Null in the screening pass, which checks the grammar only. */
  private final ExpressionContext context;
  private final boolean screening;
  private final ExpressionCursor cursor;
  /** Screening: the first attribute name written literally that is a reserved word. */
  private Token reservedWord;
  /** Screening: the first call of an unknown function, or of one not allowed where it is used. */
  private DynamoDbError functionError;

  private ExpressionParser(String label, ExpressionCursor cursor, ExpressionContext context) {
    this.label = label;
    this.cursor = cursor;
    this.context = context;
    this.screening = context == null;
  }

  /** A screening parser, and the tokens for the second pass. */
  private static ExpressionParser screen(String expression, String label) {
    if (expression.isBlank()) {
      throw DynamoDbError.validation("Invalid " + label + ": The expression can not be empty;");
    }
    return new ExpressionParser(label, new ExpressionCursor(expression, label, ExpressionLexer.tokenize(expression, label)), null);
  }

  private ExpressionParser validating(ExpressionContext context) {
    return new ExpressionParser(label, cursor.rewound(), context);
  }

  static Condition parseCondition(String expression, String label, ExpressionContext context) {
    ExpressionParser screen = screen(expression, label);
    screen.or();
    screen.cursor.expect(Kind.EOF);
    screen.reportScreenedErrors(true);
    ExpressionParser parser = screen.validating(context);
    Condition condition = parser.or();
    parser.cursor.expect(Kind.EOF);
    return condition;
  }

  static List<DocumentPath> parseProjection(String expression, ExpressionContext context) {
    ExpressionParser screen = screen(expression, "ProjectionExpression");
    screen.projection();
    screen.reportScreenedErrors(false);
    return screen.validating(context).projection();
  }

  static UpdateExpression parseUpdate(String expression, ExpressionContext context) {
    ExpressionParser screen = screen(expression, "UpdateExpression");
    new UpdateClauses(screen).update();
    screen.reportScreenedErrors(false);
    UpdateExpression update = new UpdateClauses(screen.validating(context)).update();
    List<DocumentPath> targets = update.targets();
    for (int i = 0; i < targets.size(); i++) {
      for (int j = i + 1; j < targets.size(); j++) {
        if (targets.get(i).overlaps(targets.get(j))) {
          throw DynamoDbError.validation("Invalid UpdateExpression: Two document paths overlap with each "
              + "other; must remove or rewrite one of these paths; path one: [" + targets.get(i)
              + "], path two: [" + targets.get(j) + "]");
        }
      }
    }
    return update;
  }

  /**
   * After a successful screening pass: reports a reserved word used as an attribute name, and an unknown
   * or misplaced function (ahead of the reserved word when {@code functionsFirst}, as for conditions).
   */
  private void reportScreenedErrors(boolean functionsFirst) {
    if (functionsFirst && functionError != null) {
      throw functionError;
    }
    if (reservedWord != null) {
      throw DynamoDbError.validation("Invalid " + label + ": Attribute name is a reserved keyword; reserved keyword: "
          + reservedWord.text());
    }
    if (functionError != null) {
      throw functionError;
    }
  }

  ExpressionCursor cursor() {
    return cursor;
  }

  boolean screening() {
    return screening;
  }

  private List<DocumentPath> projection() {
    List<DocumentPath> paths = new ArrayList<>();
    do {
      paths.add(path());
    } while (cursor.accept(Kind.COMMA));
    cursor.expect(Kind.EOF);
    return paths;
  }

  // ---- conditions

  private Condition or() {
    Condition left = and();
    while (cursor.acceptKeyword("OR")) {
      left = new Condition.Or(left, and());
    }
    return left;
  }

  private Condition and() {
    Condition left = not();
    while (cursor.acceptKeyword("AND")) {
      left = new Condition.And(left, not());
    }
    return left;
  }

  private Condition not() {
    if (cursor.acceptKeyword("NOT")) {
      return new Condition.Not(not());
    }
    return primary();
  }

  private Condition primary() {
    if (cursor.accept(Kind.LPAREN)) {
      Condition inner = or();
      cursor.expect(Kind.RPAREN);
      return inner;
    }
    boolean misplacedCall = false;
    if (cursor.isFunctionCall()) {
      String name = cursor.peek().text().toLowerCase(Locale.ROOT);
      if (CONDITION_FUNCTIONS.contains(name)) {
        return function(name);
      }
      misplacedCall = !name.equals("size");
    }
    Operand left = conditionOperand();
    Token token = cursor.peek();
    if (token.kind() == Kind.COMPARATOR) {
      cursor.advance();
      return new Condition.Comparison(token.text(), left, conditionOperand());
    }
    if (cursor.acceptKeyword("BETWEEN")) {
      Operand low = conditionOperand();
      cursor.expectKeyword("AND");
      return new Condition.Between(left, low, conditionOperand());
    }
    if (cursor.acceptKeyword("IN")) {
      cursor.expect(Kind.LPAREN);
      List<Operand> candidates = new ArrayList<>();
      do {
        candidates.add(conditionOperand());
      } while (cursor.accept(Kind.COMMA));
      cursor.expect(Kind.RPAREN);
      if (!screening && candidates.size() > MAX_IN_OPERANDS) {
        throw DynamoDbError.validation("Invalid " + label + ": The IN operator accepts at most 100 operands");
      }
      return new Condition.In(left, candidates);
    }
    if (misplacedCall) {
      // only while screening (the validating pass has already thrown): an unknown function as a condition
      return new Condition.Function("", List.of(left));
    }
    throw cursor.syntaxError(token);
  }

  private Condition function(String name) {
    List<Operand> args = arguments(this::conditionOperand);
    if (screening) {
      return new Condition.Function(name, args);
    }
    int expected = name.startsWith("attribute_") && !name.equals("attribute_type") ? 1 : 2;
    if (args.size() != expected) {
      throw DynamoDbError.validation("Invalid " + label + ": Incorrect number of operands for operator or "
          + "function; operator or function: " + name + ", number of operands: " + args.size());
    }
    if (!(args.get(0) instanceof Operand.Path)) {
      throw DynamoDbError.validation("Invalid " + label + ": Operator or function requires a document "
          + "path; operator or function: " + name);
    }
    if (name.equals("attribute_type")) {
      if (!(args.get(1) instanceof Operand.Literal(AttrValue.S(String type))) || !TYPE_NAMES.contains(type)) {
        throw DynamoDbError.validation("Invalid " + label + ": Invalid attribute type name found; type: "
            + (args.get(1) instanceof Operand.Literal l ? AttrValueJson.describe(l.value()) : "path")
            + ", valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
      }
    }
    return new Condition.Function(name, List.copyOf(args));
  }

  private Operand conditionOperand() {
    if (cursor.isFunctionCall()) {
      Token token = cursor.peek();
      String name = token.text().toLowerCase(Locale.ROOT);
      if (!name.equals("size")) {
        if (!screening) {
          throw functionMisuse(token);
        }
        noteFunctionError(token);
        arguments(this::conditionOperand);
        return new Operand.Literal(ANY_VALUE);
      }
      cursor.advance();
      cursor.expect(Kind.LPAREN);
      DocumentPath path = path();
      cursor.expect(Kind.RPAREN);
      return new Operand.Size(path);
    }
    if (cursor.peek().kind() == Kind.VALUE) {
      return new Operand.Literal(literal());
    }
    return new Operand.Path(path());
  }

  AttrValue literal() {
    Token token = cursor.expect(Kind.VALUE);
    return screening ? ANY_VALUE : context.value(token.text(), label);
  }

  // ---- shared pieces

  /** Parses {@code name(arg, ...)}; the current token is the function name. */
  List<Operand> arguments(Supplier<Operand> argument) {
    cursor.advance();
    cursor.expect(Kind.LPAREN);
    List<Operand> args = new ArrayList<>();
    do {
      args.add(argument.get());
    } while (cursor.accept(Kind.COMMA));
    cursor.expect(Kind.RPAREN);
    return args;
  }

  DocumentPath path() {
    List<DocumentPath.Element> elements = new ArrayList<>();
    elements.add(DocumentPath.Element.name(pathName()));
    while (true) {
      if (cursor.accept(Kind.DOT)) {
        elements.add(DocumentPath.Element.name(pathName()));
      } else if (cursor.accept(Kind.LBRACKET)) {
        Token index = cursor.expect(Kind.NUMBER);
        cursor.expect(Kind.RBRACKET);
        try {
          elements.add(DocumentPath.Element.index(Integer.parseInt(index.text())));
        } catch (NumberFormatException e) {
          throw cursor.syntaxError(index);
        }
      } else {
        return new DocumentPath(elements);
      }
    }
  }

  private String pathName() {
    Token token = cursor.next();
    return switch (token.kind()) {
      case IDENT -> {
        if (screening && reservedWord == null && ReservedWords.contains(token.text())) {
          reservedWord = token;
        }
        yield token.text();
      }
      case NAME -> screening ? token.text() : context.name(token.text(), label);
      default -> throw cursor.syntaxError(token);
    };
  }

  void noteFunctionError(Token token) {
    if (functionError == null) {
      functionError = functionMisuse(token);
    }
  }

  DynamoDbError functionMisuse(Token token) {
    if (!KNOWN_FUNCTIONS.contains(token.text().toLowerCase(Locale.ROOT))) {
      return DynamoDbError.validation("Invalid " + label + ": Invalid function name; function: " + token.text());
    }
    return DynamoDbError.validation("Invalid " + label + ": The function is not allowed to be used this "
        + "way in an expression; function: " + token.text());
  }
}
