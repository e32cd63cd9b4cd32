package dev.switchboard.systems.xci.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of internal numbers of an entity, as XCI writes it: {@code {"start": "1700", "end": "1799"}},
 * or {@code {"start": "1961", "end": ""}} for the single number 1961. Numbers are digit strings of the
 * start's length, so {@code 0170} is not in {@code 1700-1799} and leading zeros count.
 */
record NumberInterval(String start, String end) {

    /** Reads and checks one interval of a request; 400 with the reason when it is not one. */
    static NumberInterval of(JsonNode interval) {
        if (!interval.isObject() || !interval.path("start").isTextual()) {
            throw XciRejection.badRequest("Every interval needs a 'start' string");
        }
        String start = interval.get("start").asText();
        String end = interval.path("end").isTextual() ? interval.get("end").asText() : "";
        if (!start.matches("\\d+") || !(end.isEmpty() || end.matches("\\d+"))) {
            throw XciRejection.badRequest("The interval " + start + "-" + end + " must be made of digits");
        }
        if (!end.isEmpty() && (end.length() != start.length() || end.compareTo(start) < 0)) {
            throw XciRejection.badRequest("The interval " + start + "-" + end
                    + " must end after its start, with as many digits");
        }
        return new NumberInterval(start, end);
    }

    static List<NumberInterval> allOf(Iterable<JsonNode> intervals) {
        List<NumberInterval> all = new ArrayList<>();
        intervals.forEach(interval -> all.add(of(interval)));
        return all;
    }

    static boolean anyContains(List<NumberInterval> intervals, String number) {
        return intervals.stream().anyMatch(interval -> interval.contains(number));
    }

    /** The last number: the end, or the start of a single-number interval. */
    String last() {
        return end.isEmpty() ? start : end;
    }

    boolean contains(String number) {
        return number.length() == start.length() && number.matches("\\d+")
                && number.compareTo(start) >= 0 && number.compareTo(last()) <= 0;
    }

    boolean overlaps(NumberInterval other) {
        return start.length() == other.start.length()
                && start.compareTo(other.last()) <= 0 && other.start.compareTo(last()) <= 0;
    }

    /** Its numbers in order, at most {@code limit} of them. */
    List<String> numbers(int limit) {
        List<String> numbers = new ArrayList<>();
        BigInteger last = new BigInteger(last());
        for (BigInteger n = new BigInteger(start); n.compareTo(last) <= 0 && numbers.size() < limit;
             n = n.add(BigInteger.ONE)) {
            numbers.add(String.format("%0" + start.length() + "d", n));
        }
        return numbers;
    }

    ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("start", start).put("end", end);
    }

    /** {@code 1700-1799}, {@code 1961-}. */
    @Override
    public String toString() {
        return start + "-" + end;
    }
}
