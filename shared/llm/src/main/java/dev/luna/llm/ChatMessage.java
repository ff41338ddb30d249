package dev.luna.llm;

import java.util.Locale;

/** One message of a conversation: its role and its text. */
public record ChatMessage(Role role, String content) {
    public enum Role {
        SYSTEM, USER, ASSISTANT;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Role fromWire(String s) {
            for (var r : values()) if (r.wire().equals(s)) return r;
            return "developer".equals(s) ? SYSTEM : null;
        }
    }

    public ChatMessage {
        if (role == null) throw new IllegalArgumentException("role is required");
        if (content == null) throw new IllegalArgumentException("content is required");
    }

    public static ChatMessage system(String text) {
        return new ChatMessage(Role.SYSTEM, text);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage(Role.USER, text);
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage(Role.ASSISTANT, text);
    }
}
