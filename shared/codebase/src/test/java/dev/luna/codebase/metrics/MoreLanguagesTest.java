package dev.luna.codebase.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MoreLanguagesTest {
    private final CodeMetrics metrics = new CodeMetrics();

    private List<String> functions(String path, String text) {
        return metrics.measure(path, text).functions().stream()
                .map(f -> f.name() + "@" + f.startLine() + "-" + f.endLine() + "=" + f.complexity()).toList();
    }

    @Test
    void php() {
        String php = """
                <?php
                # hash comment
                class Cart {
                    public function total(array $items): float {
                        $sum = 0;
                        foreach ($items as $i) { $sum += $i['price'] ?? 0; }
                        return $sum > 100 ? $sum * 0.9 : $sum;
                    }
                }
                """;
        assertThat(functions("Cart.php", php)).containsExactly("total@4-8=4");
        assertThat(metrics.measure("Cart.php", php).commentLines()).isEqualTo(1);
    }

    @Test
    void swiftGuardAndInit() {
        String swift = """
                struct User {
                    init(name: String) {
                        guard !name.isEmpty else { return }
                    }
                    func greet(_ other: String?) -> String {
                        let n = other ?? "you"
                        if n.count > 3 && n != "admin" { return "hi \\(n)" }
                        return \"""
                        multi { line
                        \"""
                    }
                }
                """;
        assertThat(functions("User.swift", swift)).containsExactly("init@2-4=2", "greet@5-11=4");
    }

    @Test
    void cppAndScala() {
        String cpp = """
                #include <vector>
                int Widget::count(const std::vector<int>& v) const {
                    int n = 0;
                    for (auto x : v) { if (x > 0 || x < -10) n++; }
                    return n;
                }
                """;
        assertThat(functions("w.cpp", cpp)).containsExactly("count@2-6=4");
        String scala = """
                object Main {
                  def pick(x: Int): String = {
                    x match {
                      case 1 => "one"
                      case _ if x > 10 => "big"
                      case _ => "other"
                    }
                  }
                }
                """;
        assertThat(functions("Main.scala", scala)).containsExactly("pick@2-8=5");
    }
}
