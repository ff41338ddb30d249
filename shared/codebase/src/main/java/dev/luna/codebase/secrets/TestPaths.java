package dev.luna.codebase.secrets;

import java.util.regex.Pattern;

/** Paths that obviously hold test data: test, fixture, mock, example folders and test-named files. */
final class TestPaths {
    private static final Pattern TEST = Pattern.compile("(?i)(^|/)(tests?|__tests__|spec|specs|testdata|test-data|test_data|testing"
            + "|fixtures?|__fixtures__|mocks?|__mocks__|examples?|samples?|demo)/"
            + "|(^|/)[^/]*(Tests?|IT|Spec)\\.(java|kt|scala|groovy|cs)$|(^|/)[^/]*_test\\.(go|py|rb)$|(^|/)test_[^/]*\\.py$"
            + "|\\.(test|spec)\\.[cm]?[jt]sx?$");

    private TestPaths() {
    }

    static boolean isTestData(String path) {
        return TEST.matcher(path).find();
    }
}
