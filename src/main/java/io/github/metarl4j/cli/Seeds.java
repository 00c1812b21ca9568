package io.github.metarl4j.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** The {@code --seeds} list: {@code A..B} (inclusive) or {@code a,b,c}. */
final class Seeds {

    /** At most this many seeds in one sweep. */
    static final int MAX = 1000;

    private Seeds() {
    }

    static List<Long> parse(CommandLine.Model.CommandSpec spec, String text) {
        List<Long> out = new ArrayList<>();
        String s = text.strip();
        try {
            int range = s.indexOf("..");
            if (range >= 0) {
                long from = Long.parseLong(s.substring(0, range).strip());
                long to = Long.parseLong(s.substring(range + 2).strip());
                if (to < from || to - from >= MAX) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--seeds " + text
                            + ": a range A..B needs A <= B and at most " + MAX + " seeds");
                }
                for (long x = from; x <= to; x++) {
                    out.add(x);
                }
            } else {
                for (String part : s.split(",")) {
                    out.add(Long.parseLong(part.strip()));
                }
            }
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seeds " + text
                    + ": expected A..B or a,b,c with integers");
        }
        if (out.stream().distinct().count() < out.size() || out.size() > MAX) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seeds " + text
                    + ": seeds must not repeat, at most " + MAX);
        }
        return out;
    }
}
