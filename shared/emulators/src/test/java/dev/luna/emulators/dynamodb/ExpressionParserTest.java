package dev.luna.emulators.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parser-level checks: precedence, placeholder substitution and path structure. */
class ExpressionParserTest {

  private static ExpressionContext context() throws Exception {
    return new ExpressionContext(Json.MAPPER.readTree("""
        {"ExpressionAttributeNames":{"#a":"a.b","#s":"status"},
         "ExpressionAttributeValues":{":one":{"N":"1"},":x":{"S":"x"}}}"""));
  }

  @Test
  void andBindsTighterThanOrAndNotTighterThanAnd() throws Exception {
    Condition c = ExpressionParser.parseCondition("x = :one OR NOT y = :one AND z = :one", "ConditionExpression", context());
    assertThat(c).isInstanceOf(Condition.Or.class);
    Condition.Or or = (Condition.Or) c;
    assertThat(or.left()).isInstanceOf(Condition.Comparison.class);
    assertThat(or.right()).isInstanceOfSatisfying(Condition.And.class,
        and -> assertThat(and.left()).isInstanceOf(Condition.Not.class));
  }

  @Test
  void placeholdersAreSubstitutedAndPathsStructured() throws Exception {
    Condition c = ExpressionParser.parseCondition("#a.#s[2].c <> :x", "ConditionExpression", context());
    Condition.Comparison comparison = (Condition.Comparison) c;
    DocumentPath path = ((Operand.Path) comparison.left()).path();
    assertThat(path.elements()).containsExactly(DocumentPath.Element.name("a.b"), DocumentPath.Element.name("status"),
        DocumentPath.Element.index(2), DocumentPath.Element.name("c"));
    assertThat(comparison.right()).isEqualTo(new Operand.Literal(new AttrValue.S("x")));
  }

  @Test
  void updateClausesAreCollected() throws Exception {
    UpdateExpression u = ExpressionParser.parseUpdate(
        "ADD n :one SET a = if_not_exists(a, :one) + :one, l = list_append(l, l) REMOVE r[0] DELETE s :x", context());
    assertThat(u.sets()).hasSize(2);
    assertThat(u.sets().getFirst().value()).isInstanceOf(Operand.Arithmetic.class);
    assertThat(u.removes()).hasSize(1);
    assertThat(u.adds()).singleElement().satisfies(a ->
        assertThat(a.value()).isEqualTo(new AttrValue.N(BigDecimal.ONE)));
    assertThat(u.deletes()).hasSize(1);
  }

  @Test
  void projectionListsPaths() throws Exception {
    List<DocumentPath> paths = ExpressionParser.parseProjection("a, #s.b, c[1]", context());
    assertThat(paths).extracting(DocumentPath::toString).containsExactly("a", "status.b", "c[1]");
  }

  @Test
  void unusedPlaceholdersAreReported() throws Exception {
    ExpressionContext context = context();
    ExpressionParser.parseCondition("#s = :x", "ConditionExpression", context);
    assertThatThrownBy(context::verifyAllUsed).hasMessageContaining("#a");
  }

  @Test
  void emptyExpressionIsRejected() {
    assertThatThrownBy(() -> ExpressionParser.parseCondition("  ", "FilterExpression", context()))
        .hasMessageContaining("Invalid FilterExpression: The expression can not be empty");
  }
}
