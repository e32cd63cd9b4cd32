package dev.switchboard.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal without its end is that of a killed apply; its started changes with no result are unfinished. */
class JournalTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static Map<String, Object> change(String action, String key) {
        return Map.of("kind", "mailbox", "key", key, "action", action);
    }

    @Test
    void aClosedJournalIsNoInterruptedApply() {
        try (Journal journal = Journal.open(dir, "olx", CLOCK)) {
            journal.record("started", change("create", "Acme/1001"));
        }
        assertThat(Journal.interrupted(dir, "olx")).isEmpty();
    }

    @Test
    void aKilledApplyLeavesItsStartedChangesWithoutAResultAndATornLastLineIsIgnored() throws Exception {
        Journal journal = Journal.open(dir, "olx", CLOCK);
        journal.record("started", change("create", "Acme/1001"));
        journal.record("applied", change("create", "Acme/1001"));
        journal.record("started", change("delete", "Acme/1002"));
        journal.record("started", change("update", "Acme/1003"));
        journal.record("failed", change("update", "Acme/1003"));
        // killed here: no close, and half a line
        Files.writeString(journal.file(), "{\"time\":\"2026-12-01T10:00:01Z\",\"event\":\"sta", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Journal other = Journal.open(dir, "xci", CLOCK);
        other.record("started", change("create", "x/1"));

        List<Journal.Interrupted> interrupted = Journal.interrupted(dir, "olx");
        assertThat(interrupted).singleElement().satisfies(i -> {
            assertThat(i.file()).isEqualTo(journal.file());
            assertThat(i.unfinished()).singleElement().satisfies(e -> assertThat(e.path("key").asText()).isEqualTo("Acme/1002"));
        });

        Journal.examined(interrupted.get(0), List.of("delete mailbox Acme/1002: done: gone from the server"), CLOCK);
        assertThat(Journal.interrupted(dir, "olx")).as("reported once").isEmpty();
        assertThat(Journal.interrupted(dir, "xci")).hasSize(1);
        assertThat(Files.readString(journal.file())).contains("\"event\":\"examined\"").contains("gone from the server");
    }
}
