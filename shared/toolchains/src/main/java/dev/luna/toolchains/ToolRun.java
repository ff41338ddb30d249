package dev.luna.toolchains;

import java.util.List;

/**
 * What one run of a tool printed.
 *
 * @param command  the command line
 * @param exitCode its exit code
 * @param output   standard output and standard error, interleaved as the tool wrote them
 */
public record ToolRun(List<String> command, int exitCode, String output) {
    public ToolRun {
        command = List.copyOf(command);
    }

    /** The output's lines that start with {@code prefix}, without it. */
    public List<String> linesStartingWith(String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip()).toList();
    }
}
