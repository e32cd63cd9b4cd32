package dev.switchboard.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, for checking a dashboard against what the daemon exports:
 * string literals, label matchers ({@code {...}}), ranges ({@code [...]}) and the label lists of
 * {@code by}/{@code without}/{@code on}/{@code ignoring}/{@code group_left}/{@code group_right} are
 * dropped first; of the identifiers left, those followed by {@code (} are functions or aggregations and
 * the rest, keywords and Grafana's {@code $variables} apart, are metric names.
 */
final class PromQlNames {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "offset", "bool", "and", "or", "unless", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("\\$?[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQlNames() {
    }

    static Set<String> of(String expression) {
        String rest = expression
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("'(\\\\.|[^'\\\\])*'", "''")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(rest);
        while (matcher.find()) {
            String word = matcher.group();
            int after = matcher.end();
            while (after < rest.length() && Character.isWhitespace(rest.charAt(after))) {
                after++;
            }
            boolean call = after < rest.length() && rest.charAt(after) == '(';
            boolean number = matcher.start() > 0 && Character.isDigit(rest.charAt(matcher.start() - 1));
            if (!call && !number && !word.startsWith("$") && !KEYWORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }

    /** Every PromQL expression of a Grafana dashboard: its panels' targets and its query variables. */
    static List<String> expressions(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(e -> expressions.add(e.asText()));
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                JsonNode query = variable.path("query");
                String text = query.isTextual() ? query.asText() : query.path("query").asText();
                // label_values(metric, label): the metric is the query's.
                Matcher labelValues = Pattern.compile("label_values\\(\\s*([^,)]+)").matcher(text);
                expressions.add(labelValues.find() ? labelValues.group(1) : text);
            }
        }
        return expressions;
    }
}
