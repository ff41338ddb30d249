package dev.luna.sources;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.luna.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Submission-time checks without network, each naming the field at fault under the caller's prefix. */
class SourceValidatorTest {
    static final SourceValidator VALIDATOR = new SourceValidator(GitSettings.STRICT, SourceLimits.DEFAULTS);

    static void refused(Source source, String field) {
        assertThatThrownBy(() -> VALIDATOR.validate(source, "payload.source")).as(field).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'payload.source." + field + "'");
    }

    @Test
    void eachSourceTypeIsCheckedNamingTheField() {
        assertThatCode(() -> VALIDATOR.validate(Source.inline(List.of(new Source.InlineFile("a/B.java", "class B {}", null))), "payload.source"))
                .doesNotThrowAnyException();
        assertThatCode(() -> VALIDATOR.validate(Source.s3("repo/v2/"), "payload.source")).doesNotThrowAnyException();
        assertThatCode(() -> VALIDATOR.validate(Source.archive("zip", new TestArchives.Zip().file("a.txt", "a").base64()), "payload.source"))
                .doesNotThrowAnyException();
        refused(null, "type");
        refused(new Source(null, null, null, null, null, null, null, null), "type");
        refused(new Source("svn", null, null, null, null, null, null, null), "type");
        refused(Source.inline(List.of()), "files");
        refused(Source.inline(null), "files");
        var many = new ArrayList<Source.InlineFile>();
        for (int i = 0; i <= SourceValidator.MAX_INLINE_FILES; i++) many.add(new Source.InlineFile("f" + i, "x", null));
        refused(Source.inline(many), "files");
        var withNull = new ArrayList<Source.InlineFile>();
        withNull.add(new Source.InlineFile("ok", "x", null));
        withNull.add(null);
        refused(Source.inline(withNull), "files[1]");
        refused(Source.inline(List.of(new Source.InlineFile("ok", "x", null), new Source.InlineFile("x", "x", null),
                new Source.InlineFile("y", "x", null), new Source.InlineFile("/etc/passwd", "x", null))), "files[3].path");
        refused(Source.inline(List.of(new Source.InlineFile("a", "x", "eA=="))), "files[0]");
        refused(Source.inline(List.of(new Source.InlineFile("a", null, null))), "files[0]");
        refused(Source.inline(List.of(new Source.InlineFile("a", null, "not base64!"))), "files[0].contentBase64");
        refused(Source.archive(null, "eA=="), "format");
        refused(Source.archive("zip", null), "contentBase64");
        refused(Source.s3("../other-project/"), "prefix");
        refused(Source.s3("/abs"), "prefix");
        refused(Source.s3("x".repeat(SourceValidator.MAX_S3_PREFIX_CHARS + 1)), "prefix");
        refused(Source.git(null, null, null), "url");
        refused(Source.git("https://github.com/a/b", "a..b", null), "ref");
        refused(Source.git("https://github.com/a/b", null, "../x"), "credentialsSecret");
    }
}
