package io.restorejobcanceller;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the shell examples of the documentation into simple commands of words: quotes, backslash-newlines,
 * comments, the operators that end a command ({@code ; & | ( )} and newlines) and redirections (dropped with their
 * target). Enough to read documentation examples; no expansion, no shell.
 */
final class ShellWords {

    private final List<List<String>> commands = new ArrayList<>();
    private List<String> command = new ArrayList<>();
    private StringBuilder word;
    private boolean redirected;

    private ShellWords() {
    }

    static List<List<String>> commands(String text) {
        ShellWords words = new ShellWords();
        words.split(text);
        return words.commands;
    }

    /** The command without the variable assignments before it ({@code A=1 B=2 cmd}), and without {@code export}. */
    static List<String> withoutAssignments(List<String> words) {
        int first = 0;
        while (first < words.size() && (words.get(first).matches("[A-Za-z_][A-Za-z0-9_]*=.*") || words.get(first).equals("export"))) {
            first++;
        }
        return words.subList(first, words.size());
    }

    private void split(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length() && "\"\\$".indexOf(text.charAt(i + 1)) >= 0) {
                    append(text.charAt(++i));
                } else {
                    append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                append(null);
            } else if (c == '\\' && i + 1 < text.length()) {
                if (text.charAt(++i) != '\n') {
                    append(text.charAt(i));
                }
            } else if (c == '#' && word == null) {
                i = Math.max(text.indexOf('\n', i) - 1, i);
            } else if (c == '>' || c == '<') {
                if (word != null && word.toString().matches("\\d+")) {
                    word = null;
                }
                endWord();
                if (i + 1 < text.length() && (text.charAt(i + 1) == '>' || text.charAt(i + 1) == '&')) {
                    i++;
                }
                redirected = i + 1 >= text.length() || text.charAt(i + 1) != '(';
            } else if (";&|()\n".indexOf(c) >= 0) {
                endCommand();
            } else if (Character.isWhitespace(c)) {
                endWord();
            } else {
                append(c);
            }
        }
        endCommand();
    }

    private void append(Character c) {
        if (word == null) {
            word = new StringBuilder();
        }
        if (c != null) {
            word.append(c);
        }
    }

    private void endWord() {
        if (word != null) {
            if (!redirected) {
                command.add(word.toString());
            }
            redirected = false;
            word = null;
        }
    }

    private void endCommand() {
        endWord();
        redirected = false;
        if (!command.isEmpty()) {
            commands.add(command);
            command = new ArrayList<>();
        }
    }
}
