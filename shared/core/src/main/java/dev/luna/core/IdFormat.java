package dev.luna.core;

import java.util.regex.Pattern;

/**
 * The format of each kind of identifier the API accepts, in one place: ids Luna makes are a type prefix and a 26-character
 * ULID ({@code agt_01JD6Q…}, see {@link Ids}); the rest are names. A value that breaks its format is a 400 naming the
 * field; a well-formed id of nothing stored is a 404. Keeping every id short also keeps it within DynamoDB's key limits.
 */
public enum IdFormat {
    AGENT("agt_[0-9A-Za-z]{26}", "an agent id (agt_ and 26 letters or digits)"),
    API_KEY("key_[0-9A-Za-z]{26}", "an API key id (key_ and 26 letters or digits)"),
    PROJECT("[A-Za-z0-9_-]{1,64}", "a project id (1 to 64 letters, digits, '_' or '-')"),
    TASK("tsk_[0-9A-Za-z]{26}", "a task id (tsk_ and 26 letters or digits)"),
    JOB("job_[0-9A-Za-z]{26}", "an index job id (job_ and 26 letters or digits)"),
    CONTEXT("ctx_[0-9a-f]{24}", "a context id (ctx_ and 24 hexadecimal digits)"),
    QUEUE("[a-z0-9][a-z0-9-]{0,99}", "a queue: a priority or a task type's queue name"),
    USER("[A-Za-z0-9][A-Za-z0-9_.@|:+-]{0,199}", "a user id such as usr_alice or sso|alice@example.com"),
    REQUEST("[A-Za-z0-9._:=-]{1,128}", "a request id (the X-Request-Id of a response: 1 to 128 letters, digits or ._:=-)"),
    ARTIFACT("[^\\x00-\\x1f]{1,1024}", "an artifact name (1 to 1024 characters, no control characters)"),
    ANY("[^\\x00-\\x1f]{1,256}", "1 to 256 characters, no control characters");

    private final String regex;
    private final String description;
    private final Pattern pattern;

    IdFormat(String regex, String description) {
        this.regex = regex;
        this.description = description;
        this.pattern = Pattern.compile(regex);
    }

    /** The regular expression a value must match whole. */
    public String regex() {
        return regex;
    }

    /** What the format is, in words ("an agent id (agt_ and …)"). */
    public String description() {
        return description;
    }

    public boolean matches(String value) {
        return value != null && pattern.matcher(value).matches();
    }

    /** Throws a 400 on {@code field} unless {@code value} has this format. */
    public String require(String value, String field) {
        if (!matches(value)) throw new ValidationException(field, "must be " + description);
        return value;
    }
}
